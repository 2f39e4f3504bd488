package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parts of a {@link Select} being built: a copy of another's, changed, then frozen by its constructor. */
final class SelectParts {
    List<Expression<?>> columns;
    List<FromClause> from = List.of();
    List<Expression<?>> groupBy = List.of();
    @Nullable Predicate having;
    @Nullable Predicate where;
    List<OrderBy> orderBy = List.of();
    @Nullable BindParameter<Integer> limit;
    @Nullable BindParameter<Integer> offset;
    boolean distinct;
    Select.@Nullable ForUpdate forUpdate;
    @Nullable List<TableReference> correlate;
    @Nullable List<TableReference> correlateExcept;

    SelectParts(List<Expression<?>> columns) {
        this.columns = columns;
    }

    SelectParts(Select select) {
        columns = select.columns();
        from = select.explicitFroms();
        groupBy = select.groupByClause();
        having = select.havingClause();
        where = select.whereClause();
        orderBy = select.orderByClause();
        limit = select.limitClause();
        offset = select.offsetClause();
        distinct = select.isDistinct();
        forUpdate = select.forUpdateClause();
        correlate = select.correlateClause();
        correlateExcept = select.correlateExceptClause();
    }

    /** The labeled column of {@code columns} named {@code label}, for orderBy/groupBy by name. */
    static Labeled<?> labeled(List<Expression<?>> columns, String label, String method) {
        List<String> known = new ArrayList<>();
        for (Expression<?> column : columns) {
            if (column instanceof Labeled) {
                if (((Labeled<?>) column).name().equals(label)) {
                    return (Labeled<?>) column;
                }
                known.add(((Labeled<?>) column).name());
            }
        }
        throw new InvalidArgumentException(method + "(\"" + label + "\") names no labeled column of this SELECT"
                + " (its labels are " + known + "); label a column with expression.label(\"" + label + "\") or pass"
                + " the expression itself");
    }
}
