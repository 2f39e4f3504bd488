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
