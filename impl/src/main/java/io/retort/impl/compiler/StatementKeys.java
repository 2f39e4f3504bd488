package io.retort.impl.compiler;

import io.retort.sql.Assignment;
import io.retort.sql.FromClause;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.TableReference;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cache-key part of {@link CacheKeyWalker} for whole statements (SELECT, compound SELECT, INSERT, UPDATE, DELETE):
 * what decides their SQL, in a fixed order, through the walker's tokens, so that two statements of equal keys compile
 * to the same SQL. Stateless.
 */
final class StatementKeys {
    private StatementKeys() {
    }

    /**
     * A SELECT's key: its kind, then one token of flags saying which of its optional parts it has, then its columns
     * and those parts only, in a fixed order (each part is self-delimiting: a count before a list). The flags make
     * the usual short SELECT a few tokens instead of a token per empty clause.
     */
    static void select(CacheKeyWalker w, Select select) {
        w.token(Select.class);
        List<?> prefixes = select.prefixes();
        List<? extends SqlNode> distinctOn = select.distinctOnClause();
        List<FromClause> froms = select.explicitFroms();
        SqlNode where = select.whereClause();
        List<? extends SqlNode> groupBy = select.groupByClause();
        SqlNode having = select.havingClause();
        List<? extends SqlNode> orderBy = select.orderByClause();
        SqlNode limit = select.limitClause();
        SqlNode offset = select.offsetClause();
        io.retort.sql.RowLock lock = select.rowLockClause();
        List<TableReference> correlate = select.correlateClause();
        List<TableReference> correlateExcept = select.correlateExceptClause();
        int flags = (select.isDistinct() ? 1 : 0) | (select.isWithTies() ? 1 << 1 : 0)
                | (prefixes.isEmpty() ? 0 : 1 << 2) | (distinctOn.isEmpty() ? 0 : 1 << 3)
                | (froms.isEmpty() ? 0 : 1 << 4) | (where == null ? 0 : 1 << 5) | (groupBy.isEmpty() ? 0 : 1 << 6)
                | (having == null ? 0 : 1 << 7) | (orderBy.isEmpty() ? 0 : 1 << 8) | (limit == null ? 0 : 1 << 9)
                | (offset == null ? 0 : 1 << 10) | (lock == null ? 0 : 1 << 11)
                | (correlate == null ? 0 : 1 << 12) | (correlateExcept == null ? 0 : 1 << 13);
        w.count(flags);
        if (!prefixes.isEmpty()) {
            w.token(prefixes);
        }
        if (!distinctOn.isEmpty()) {
            w.all(distinctOn);
        }
        w.all(select.columns());
        if (!froms.isEmpty()) {
            w.count(froms.size());
            for (FromClause from : froms) {
                from.accept(w);
            }
        }
        if (where != null) {
            where.accept(w);
        }
        if (!groupBy.isEmpty()) {
            w.all(groupBy);
        }
        if (having != null) {
            having.accept(w);
        }
        if (!orderBy.isEmpty()) {
            w.all(orderBy);
        }
        if (limit != null) {
            limit.accept(w);
        }
        if (offset != null) {
            offset.accept(w);
        }
        if (lock != null) {
            w.token(lock.strength());
            w.token(lock.waitMode());
            tables(w, lock.of());
        }
        if (correlate != null) {
            tables(w, correlate);
        }
        if (correlateExcept != null) {
            tables(w, correlateExcept);
        }
    }

    private static void tables(CacheKeyWalker w, @Nullable List<TableReference> tables) {
        if (tables == null) {
            w.token(null);
            return;
        }
        w.count(tables.size());
        for (TableReference table : tables) {
            w.table(table);
        }
    }

    /** A UNION (INTERSECT, EXCEPT): its kind, each SELECT, and its own ORDER BY, LIMIT and OFFSET. */
    static void compoundSelect(CacheKeyWalker w, io.retort.sql.CompoundSelect compound) {
        w.token(io.retort.sql.CompoundSelect.class);
        w.token(compound.kind());
        w.count(compound.selects().size());
        for (Select select : compound.selects()) {
            w.visitSelect(select);
        }
        w.all(compound.orderByClause());
        w.node(compound.limitClause());
        w.node(compound.offsetClause());
    }

    private static void assignments(CacheKeyWalker w, List<Assignment> assignments) {
        w.count(assignments.size());
        for (Assignment assignment : assignments) {
            w.node(assignment.column());
            w.node(assignment.value());
        }
    }

    /** An INSERT: its table, rows of assignments or query, ON CONFLICT and RETURNING. */
    static void insert(CacheKeyWalker w, io.retort.sql.Insert insert) {
        w.token(io.retort.sql.Insert.class);
        w.token(insert.prefixes());
        w.table(insert.table());
        w.token(insert.hasValues() ? Boolean.TRUE : Boolean.FALSE);
        w.count(insert.rows().size());
        for (List<Assignment> row : insert.rows()) {
            assignments(w, row);
        }
        SqlNode query = insert.fromQuery();
        if (query == null) {
            w.token(null);
        } else {
            w.statement(query);
            w.count(insert.selectColumns().size());
            insert.selectColumns().forEach(w::token);
        }
        io.retort.sql.OnConflict onConflict = insert.onConflict();
        if (onConflict == null) {
            w.token(null);
        } else {
            io.retort.sql.ConflictTarget target = onConflict.target();
            w.token(io.retort.sql.OnConflict.class);
            w.token(onConflict.doNothing() ? Boolean.TRUE : Boolean.FALSE);
            w.count(target.columns().size());
            target.columns().forEach(w::token);
            w.token(target.constraint());
            w.node(target.where());
            assignments(w, onConflict.set());
        }
        w.all(insert.returningClause());
    }

    /** An UPDATE: its table, assignments, WHERE and RETURNING. */
    static void update(CacheKeyWalker w, io.retort.sql.Update update) {
        w.token(io.retort.sql.Update.class);
        w.token(update.prefixes());
        w.table(update.table());
        assignments(w, update.assignments());
        w.node(update.whereClause());
        w.all(update.returningClause());
    }

    /** A DELETE: its table, WHERE and RETURNING. */
    static void delete(CacheKeyWalker w, io.retort.sql.Delete delete) {
        w.token(io.retort.sql.Delete.class);
        w.token(delete.prefixes());
        w.table(delete.table());
        w.node(delete.whereClause());
        w.all(delete.returningClause());
    }

    /** A table-valued function: its flags (they change the SQL) and the call, with its bound arguments. */
    static void tableValued(CacheKeyWalker w, io.retort.sql.TableValuedFunction function) {
        w.token(function.isDerived() ? Boolean.TRUE : Boolean.FALSE);
        w.token(function.isDerivedWithTypes() ? Boolean.TRUE : Boolean.FALSE);
        w.token(function.isLateral() ? Boolean.TRUE : Boolean.FALSE);
        w.token(function.isColumnValued() ? Boolean.TRUE : Boolean.FALSE);
        w.node(function.function());
    }
}
