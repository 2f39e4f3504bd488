package io.retort.impl.orm;

import io.retort.schema.Column;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import java.util.List;
import java.util.Objects;

/** Criteria on key columns whose values a statement is given by name at execution. Stateless. */
public final class KeyCriteria {
    private KeyCriteria() {
    }

    /**
     * {@code a = :<prefix>a AND b = :<prefix>b ...}: one bound parameter per column, named after it (one value per
     * row of a batch, or per lookup).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Predicate byName(List<Column<?>> columns, String prefix) {
        Predicate criteria = null;
        for (Column column : columns) {
            Predicate one = column.eq((Expression<?>) Sql.bindParam(prefix + column.name(), column.type()));
            criteria = criteria == null ? one : criteria.and(one);
        }
        return Objects.requireNonNull(criteria, "no columns");
    }
}
