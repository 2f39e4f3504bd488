package io.retort.impl.orm;

import java.math.BigDecimal;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Comparing and snapshotting field values for change detection. */
public final class Values {
    private Values() {
    }

    /**
     * Whether a field's current value equals the one last loaded or flushed: arrays by content, decimals by value
     * ({@code 1.0} equals {@code 1.00}, as the column stores them).
     */
    public static boolean same(@Nullable Object current, @Nullable Object committed) {
        if (current == committed) {
            return true;
        }
        if (current == null || committed == null) {
            return false;
        }
        if (current instanceof byte[] && committed instanceof byte[]) {
            return Arrays.equals((byte[]) current, (byte[]) committed);
        }
        if (current instanceof BigDecimal && committed instanceof BigDecimal) {
            return ((BigDecimal) current).compareTo((BigDecimal) committed) == 0;
        }
        return current.equals(committed);
    }

    /** A version field's first value, 1 of the field's type. */
    public static Object firstVersion(Attribute version) {
        return version.type() == Long.class ? (Object) 1L : (Object) 1;
    }

    /** The version after {@code old} ({@link #firstVersion} after none), of the version field's type. */
    public static Object nextVersion(Attribute version, @Nullable Object old) {
        if (old == null) {
            return firstVersion(version);
        }
        return version.type() == Long.class ? (Object) (((Number) old).longValue() + 1)
                : (Object) (((Number) old).intValue() + 1);
    }

    /**
     * The values as a baseline that the object's later changes cannot touch: the array itself when it holds no
     * mutable values (the caller hands it over), else a copy with byte arrays copied too.
     */
    public static @Nullable Object[] owned(EntityMapper<?> mapper, @Nullable Object[] values) {
        return mapper.hasMutableValues() ? owned(values) : values; // only a class with such values can hold a byte[]
    }

    /** {@link #owned(EntityMapper, Object[])} without knowing the class: every value is looked at. */
    public static @Nullable Object[] owned(@Nullable Object[] values) {
        for (Object value : values) {
            if (value instanceof byte[]) {
                return snapshot(values);
            }
        }
        return values;
    }

    /** A snapshot of field values: mutable values (byte arrays) are copied, so changes made in place are seen. */
    static @Nullable Object[] snapshot(@Nullable Object[] values) {
        @Nullable Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof byte[]) {
                copy[i] = ((byte[]) copy[i]).clone();
            }
        }
        return copy;
    }
}
