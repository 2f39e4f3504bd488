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
    @Nullable RowLock forUpdate;
    List<Expression<?>> distinctOn = List.of();
    @Nullable List<TableReference> correlate;
    @Nullable List<TableReference> correlateExcept;
    boolean withTies;
    List<Prefix> prefixes = List.of();

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
        forUpdate = select.rowLockClause();
        distinctOn = select.distinctOnClause();
        correlate = select.correlateClause();
        correlateExcept = select.correlateExceptClause();
        withTies = select.isWithTies();
        prefixes = select.prefixes();
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

    /**
     * The FROM clause of a SELECT: the explicit tables and joins first, then the tables of the columns in the
     * selected expressions and the WHERE clause that none of them holds, each once.
     */
    static List<FromClause> resolveFroms(List<FromClause> from, List<Expression<?>> columns,
            @Nullable Predicate where) {
        java.util.Set<FromClause> froms = new java.util.LinkedHashSet<>(from);
        java.util.Set<TableReference> covered = new java.util.HashSet<>();
        for (FromClause clause : from) {
            covered.addAll(Join.tables(clause));
        }
        List<SqlNode> sources = new ArrayList<>(columns);
        if (where != null) {
            sources.add(where);
        }
        for (TableReference table : FromCollector.tablesOf(sources)) {
            if (covered.add(table)) {
                froms.add(table);
            }
        }
        return List.copyOf(froms);
    }

    /** The explicit FROM items with {@code right} joined to the first (or to the first implied one). */
    static List<FromClause> joined(List<FromClause> from, List<FromClause> implicit, FromClause right,
            @Nullable Predicate onClause, Join.Kind kind) {
        List<FromClause> froms = new ArrayList<>(from);
        FromClause left;
        if (froms.isEmpty()) {
            if (implicit.isEmpty()) {
                throw new InvalidArgumentException("join(" + Join.tables(right).get(0).name() + ") needs a table to"
                        + " join from; select a"
                        + " column of one, or add it with from(...)");
            }
            left = implicit.get(0);
            froms.add(left);
        } else {
            left = froms.get(0);
        }
        froms.set(0, new Join(left, right, onClause, kind));
        return froms;
    }
}
