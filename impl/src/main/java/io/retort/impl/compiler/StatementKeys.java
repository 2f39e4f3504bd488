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

    /** A SELECT's key: its kind, flags, columns, FROM elements and clauses in a fixed order. */
    static void select(CacheKeyWalker w, Select select) {
        w.token(Select.class);
        w.token(select.isDistinct() ? Boolean.TRUE : Boolean.FALSE);
        w.token(select.isWithTies() ? Boolean.TRUE : Boolean.FALSE);
        w.token(select.prefixes());
        w.all(select.distinctOnClause());
        w.all(select.columns());
        List<FromClause> froms = select.explicitFroms();
        w.count(froms.size());
        for (FromClause from : froms) {
            from.accept(w);
        }
        w.node(select.whereClause());
        w.all(select.groupByClause());
        w.node(select.havingClause());
        w.all(select.orderByClause());
        w.node(select.limitClause());
        w.node(select.offsetClause());
        io.retort.sql.RowLock lock = select.rowLockClause();
        if (lock == null) {
            w.token(null);
        } else {
            w.token(lock.strength());
            w.token(lock.waitMode());
            tables(w, lock.of());
        }
        tables(w, select.correlateClause());
        tables(w, select.correlateExceptClause());
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
