package io.retort.impl.orm.composite;

import io.retort.orm.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A value of two columns: SQLAlchemy's test_composites.py Point, as money. The amount is kept to two decimals, as
 * databases give NUMERIC values back with scales of their own; {@code @Column} on a component sets its column's type.
 */
public record Money(@Column(precision = 12, scale = 2) @Nullable BigDecimal amount,
        @Column(length = 3) @Nullable String currency) {
    /** Normalizes the amount's scale. */
    public Money {
        amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
