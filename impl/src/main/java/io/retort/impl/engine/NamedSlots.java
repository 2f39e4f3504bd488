package io.retort.impl.engine;

import io.retort.exception.InvalidArgumentException;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a statement's execution-time parameters ({@code bindParam}) sit among its bound values, found once per
 * execution so that each row of an executemany is a lookup per parameter.
 */
final class NamedSlots {
    static final NamedSlots NONE = new NamedSlots(new int[0], new String[0], 0);
    private static final int SMALL = 8;
    private final int[] slots;
    private final String[] names;
    /** How many different names {@link #names} holds (a name used twice fills two slots). */
    private final int distinctCount;

    private NamedSlots(int[] slots, String[] names, int distinctCount) {
        this.slots = slots;
        this.names = names;
        this.distinctCount = distinctCount;
    }

    /** Whether {@code values} hold the named parameters this was made of, in the same places. */
    boolean matches(List<@Nullable Object> values) {
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof ExpressionCompiler.Named) {
                if (n >= slots.length || slots[n] != i || !names[n].equals(((ExpressionCompiler.Named) value).name())) {
                    return false;
                }
                n++;
            }
        }
        return n == slots.length;
    }

    static NamedSlots of(ExpressionCompiler.Bound bound) {
        List<@Nullable Object> values = bound.values();
        int count = 0;
        for (Object value : values) {
            if (value instanceof ExpressionCompiler.Named) {
                count++;
            }
        }
        if (count == 0) {
            return NONE;
        }
        int[] slots = new int[count];
        String[] names = new String[count];
        int distinct = 0;
        for (int i = 0, n = 0; i < values.size(); i++) {
            if (values.get(i) instanceof ExpressionCompiler.Named) {
                slots[n] = i;
                String name = ((ExpressionCompiler.Named) values.get(i)).name();
                boolean seen = false;
                for (int j = 0; j < n && !seen && count <= SMALL; j++) {
                    seen = names[j].equals(name);
                }
                names[n++] = name;
                if (!seen) {
                    distinct++;
                }
            }
        }
        // A handful of names is counted by comparing them (no set allocated per execution); more go in a set.
        return new NamedSlots(slots, names,
                count <= SMALL ? distinct : new java.util.HashSet<>(Arrays.asList(names)).size());
    }

    /** The different names, in the order the statement first uses them. */
    private Set<String> distinct() {
        return new java.util.LinkedHashSet<>(Arrays.asList(names));
    }

    /** The bound values with the parameters' values in place of the named ones. */
    List<@Nullable Object> resolve(ExpressionCompiler.Bound bound, Map<String, ? extends @Nullable Object> parameters,
            CompiledStatement plan, int setNumber) {
        List<@Nullable Object> values = bound.values();
        if (slots.length > 0) {
            values = new ArrayList<>(values);
            for (int i = 0; i < slots.length; i++) {
                Object value = parameters.get(names[i]);
                if (value == null && !parameters.containsKey(names[i])) {
                    throw new InvalidArgumentException("A value is required for bind parameter '" + names[i]
                            + "'" + (setNumber > 0 ? " in parameter set " + setNumber : "") + " of the statement: "
                            + plan.source() + "\nPass it in the parameters, e.g. Map.of(\"" + names[i]
                            + "\", value)");
                }
                values.set(slots[i], value);
            }
        }
        if (parameters.size() != distinctCount) { // every name is there: any other key is one too many
            Set<String> distinct = distinct();
            for (String given : parameters.keySet()) {
                if (!distinct.contains(given)) {
                    throw new InvalidArgumentException("The statement has no parameter named '" + given + "'; its"
                            + " named parameters are " + distinct + ". Values of select(), insert(), update() and"
                            + " delete() go into the statement itself; name a placeholder with bindParam(\""
                            + given + "\", type) to give its value at execution");
                }
            }
        }
        return values;
    }
}
