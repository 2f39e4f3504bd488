package io.retort.sql;

import io.retort.types.SqlType;
import io.retort.types.Types;

/** A boolean expression, for WHERE clauses: combine with {@link #and}, {@link #or} and {@link #not}. */
public interface Predicate extends Expression<Boolean> {

    @Override
    default SqlType<Boolean> type() {
        return Types.BOOLEAN;
    }

    /** {@code (this) AND (other)}. */
    default Predicate and(Predicate other) {
        return Junction.of(Junction.Kind.AND, this, other);
    }

    /** {@code (this) OR (other)}. */
    default Predicate or(Predicate other) {
        return Junction.of(Junction.Kind.OR, this, other);
    }

    /** {@code NOT (this)}. */
    default Predicate not() {
        return new Negation(this);
    }
}
