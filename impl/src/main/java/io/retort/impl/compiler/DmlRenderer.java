package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.InsertReturningStyle;
import io.retort.sql.Assignment;
import io.retort.sql.Delete;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.TableReference;
import io.retort.sql.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** INSERT (with upserts and INSERT ... SELECT), UPDATE and DELETE, with their RETURNING clauses. */
abstract class DmlRenderer extends SelectRenderer {
    DmlRenderer(Dialect dialect, boolean render, boolean plain) {
        super(dialect, render, plain);
    }

    void returning(String statement, String table, List<io.retort.sql.Expression<?>> columns) {
        returning(statement, table, columns, false);
    }

    /**
     * {@code RETURNING columns}, unqualified unless {@code otherTables}: an UPDATE ... FROM or DELETE ... USING
     * names other tables, whose same-named columns an unqualified RETURNING would make ambiguous or read instead.
     */
    void returning(String statement, String table, List<io.retort.sql.Expression<?>> columns, boolean otherTables) {
        if (columns.isEmpty()) {
            return;
        }
        if (!dialect.supportsReturning(statement)) {
            throw new io.retort.exception.CompileException(statement + " ... RETURNING (on " + table + ") is not"
                    + " supported by " + dialect + "; run a SELECT after the " + statement + " instead");
        }
        if (statement.equals("INSERT") && finalTable()) {
            return; // the SELECT around the INSERT names the columns (visitInsert)
        }
        append(" RETURNING ");
        boolean qualified = qualifyColumns;
        qualifyColumns = otherTables;
        columnsClause(columns);
        qualifyColumns = qualified;
    }

    /** Whether an INSERT's RETURNING is a query of its FINAL TABLE here. */
    private boolean finalTable() {
        return dialect.insertReturningStyle() == InsertReturningStyle.FINAL_TABLE;
    }

    /**
     * An INSERT; with RETURNING where the database writes it as a query of the insert's data change delta table
     * (H2), {@code SELECT columns FROM FINAL TABLE (INSERT ...)}, the columns unqualified as in a RETURNING clause.
     * An upsert (H2's MERGE) with RETURNING is refused by {@link #merge}.
     */
    @Override
    public void visitInsert(Insert insert) {
        List<io.retort.sql.Expression<?>> returning = insert.returningClause();
        if (returning.isEmpty() || !finalTable() || !dialect.supportsReturning("INSERT")
                || insert.onConflict() != null && dialect.upsertStyle() == Dialect.UpsertStyle.MERGE) {
            insertStatement(insert);
            return;
        }
        mayWrite = true;
        append("SELECT ");
        boolean qualified = qualifyColumns;
        qualifyColumns = false;
        columnsClause(returning);
        qualifyColumns = qualified;
        append(" FROM FINAL TABLE (");
        insertStatement(insert);
        append(")");
    }

    private void insertStatement(Insert insert) {
        mayWrite = true;
        List<List<Assignment>> rows = insert.rows();
        List<Assignment> assignments = rows.get(0);
        if (assignments.isEmpty() && insert.fromQuery() == null && insert.hasValues()) {
            if (insert.onConflict() != null) {
                throw new io.retort.exception.CompileException("An upsert of DEFAULT VALUES into "
                        + insert.table().name() + " is not supported; give the key's values with values(...)");
            }
            append("INSERT ");
            prefixes(insert.prefixes());
            append("INTO ");
            insert.table().accept(this);
            append(dialect.defaultValuesClause());
            returning("INSERT", insert.table().name(), insert.returningClause());
            return;
        }
        if (assignments.isEmpty() && insert.fromQuery() == null) {
            throw new io.retort.exception.CompileException("INSERT into " + insert.table().name() + " has no values;"
                    + " give them with values(Map.of(\"column\", value)), or insert a row of the columns' defaults with"
                    + " defaultValues()");
        }
        io.retort.sql.OnConflict onConflict = insert.onConflict();
        if (insert.fromQuery() != null) {
            if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.MERGE) {
                merge(insert, rows, onConflict);
                return;
            }
            append("INSERT ");
            prefixes(insert.prefixes());
            append("INTO ");
            insert.table().accept(this);
            append(" (");
            for (int i = 0; i < insert.selectColumns().size(); i++) {
                append(i > 0 ? ", " : "").append(quote(insert.selectColumns().get(i)));
            }
            append(") ");
            SqlNode query = insert.fromQuery();
            if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.ON_CONFLICT) {
                query = endedBeforeOnConflict(query);
            }
            query.accept(this);
            if (onConflict != null) {
                onConflict(insert.table(), onConflict);
            }
            returning("INSERT", insert.table().name(), insert.returningClause());
            return;
        }
        if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.MERGE) {
            merge(insert, rows, onConflict);
            return;
        }
        append("INSERT ");
        prefixes(insert.prefixes());
        append("INTO ");
        insert.table().accept(this);
        append(" (");
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "").append(quote(assignments.get(i).column().name()));
        }
        append(") VALUES ");
        rowValues(rows);
        if (onConflict != null) {
            onConflict(insert.table(), onConflict);
        }
        returning("INSERT", insert.table().name(), insert.returningClause());
    }

    /**
     * The SELECT of an INSERT ... SELECT ... ON CONFLICT, ended so that ON CONFLICT cannot be read as the ON of a
     * join: SQLite's parser takes {@code FROM t ON CONFLICT} as one, so a SELECT (or the last SELECT of a UNION)
     * without WHERE gets {@code WHERE true}, as SQLite's documentation advises. PostgreSQL reads it either way.
     */
    private static SqlNode endedBeforeOnConflict(SqlNode query) {
        if (query instanceof Select && ((Select) query).whereClause() == null) {
            return ((Select) query).where(io.retort.sql.Sql.trueValue());
        }
        if (query instanceof io.retort.sql.CompoundSelect) {
            io.retort.sql.CompoundSelect compound = (io.retort.sql.CompoundSelect) query;
            List<Select> selects = compound.selects();
            Select last = selects.get(selects.size() - 1);
            if (last.whereClause() == null && compound.orderByClause().isEmpty() && compound.limitClause() == null
                    && compound.offsetClause() == null) {
                List<Select> ended = new ArrayList<>(selects);
                ended.set(ended.size() - 1, last.where(io.retort.sql.Sql.trueValue()));
                return compound.withSelects(ended);
            }
        }
        return query;
    }

    void rowValues(List<List<Assignment>> rows) {
        for (int row = 0; row < rows.size(); row++) {
            append(row > 0 ? ", (" : "(");
            insertValues(rows.get(row));
            append(")");
        }
    }

    void insertValues(List<Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "");
            nameHint = assignments.get(i).column().name();
            assignments.get(i).value().accept(this);
        }
    }

    void onConflict(TableReference table, io.retort.sql.OnConflict onConflict) {
        io.retort.sql.ConflictTarget target = onConflict.target();
        if (dialect.upsertStyle() == Dialect.UpsertStyle.ON_DUPLICATE_KEY) {
            if (target.where() != null) {
                throw new io.retort.exception.CompileException("An upsert target with a WHERE (a partial unique index"
                        + " of " + table.name() + ") is not supported by " + dialect.name() + ", which matches any"
                        + " unique key; leave the WHERE out");
            }
            // MySQL matches any unique key; a no-op assignment keeps the existing row (qualified: the rows of an
            // INSERT ... SELECT may have a column of that name too).
            append(" ON DUPLICATE KEY UPDATE ");
            if (onConflict.doNothing()) {
                String column = tableName(table) + "." + quote(keyColumns(table, target).get(0));
                append(column).append(" = ").append(column);
                return;
            }
            assignments(onConflict.set());
            return;
        }
        append(" ON CONFLICT");
        if (target.constraint() != null) {
            if (!dialect.supportsOnConflictConstraint()) {
                throw new io.retort.exception.CompileException("ON CONFLICT ON CONSTRAINT (" + target.constraint()
                        + ") is not supported by " + dialect.name() + "; name the constraint's columns with"
                        + " ConflictTarget.columns(...)");
            }
            append(" ON CONSTRAINT ").append(quote(target.constraint()));
        } else if (!target.columns().isEmpty()) {
            append(" (");
            for (int i = 0; i < target.columns().size(); i++) {
                append(i > 0 ? ", " : "").append(quote(target.columns().get(i)));
            }
            append(")");
            if (target.where() != null) {
                // The predicate of the partial index, as in its CREATE INDEX: unqualified column names.
                append(" WHERE ");
                boolean qualified = qualifyColumns;
                qualifyColumns = false;
                target.where().accept(this);
                qualifyColumns = qualified;
            }
        } else if (!onConflict.doNothing()) {
            throw new io.retort.exception.CompileException("ON CONFLICT DO UPDATE (on " + table.name() + ") needs"
                    + " a conflict target; give it with ConflictTarget.columns(...) or ConflictTarget.constraint(...)");
        }
        if (onConflict.doNothing()) {
            append(" DO NOTHING");
            return;
        }
        append(" DO UPDATE SET ");
        assignments(onConflict.set());
    }

    /** {@code c = value, ...} of an upsert's update. */
    private void assignments(List<Assignment> set) {
        for (int i = 0; i < set.size(); i++) {
            append(i > 0 ? ", " : "").append(quote(set.get(i).column().name())).append(" = ");
            nameHint = set.get(i).column().name();
            set.get(i).value().accept(this);
        }
    }

    /** The columns on which rows collide: the target's, else the table's primary key (H2's MERGE, MySQL's no-op). */
    private List<String> keyColumns(TableReference table, io.retort.sql.ConflictTarget target) {
        if (!target.columns().isEmpty()) {
            return target.columns();
        }
        List<String> key = new ArrayList<>();
        if (table instanceof io.retort.schema.Table) {
            for (io.retort.schema.Column<?> column : ((io.retort.schema.Table) table).primaryKeyColumns()) {
                key.add(column.name());
            }
        }
        if (key.isEmpty()) {
            throw new io.retort.exception.CompileException("An upsert into " + table.name() + " without conflict"
                    + " columns is not supported by " + dialect.name() + ", which needs the key to match on; name"
                    + " them with ConflictTarget.columns(...)");
        }
        return key;
    }

    @Override
    public void visitExcluded(io.retort.sql.Excluded<?> excluded) {
        String column = quote(excluded.column().name());
        append(dialect.upsertStyle() == Dialect.UpsertStyle.ON_DUPLICATE_KEY ? "VALUES(" + column + ")"
                : "excluded." + column);
    }

    /** H2: {@code MERGE INTO t USING (VALUES (...)) AS excluded (...) ON ... WHEN MATCHED ... WHEN NOT MATCHED ...}. */
    void merge(Insert insert, List<List<Assignment>> rows, io.retort.sql.OnConflict onConflict) {
        if (!insert.returningClause().isEmpty()) {
            throw new io.retort.exception.CompileException("An upsert with RETURNING is not supported by "
                    + dialect.name());
        }
        for (io.retort.sql.Prefix prefix : insert.prefixes()) {
            if (prefix.appliesTo(dialect.name())) {
                throw new io.retort.exception.CompileException("A prefix (" + prefix.text() + ") on an upsert is not"
                        + " supported by " + dialect.name() + ", whose upsert is a MERGE; name the dialects it is"
                        + " for in prefixWith(text, dialects...)");
            }
        }
        io.retort.sql.ConflictTarget conflict = onConflict.target();
        if (conflict.constraint() != null || conflict.where() != null) {
            throw new io.retort.exception.CompileException("An upsert target " + (conflict.constraint() != null
                    ? "naming constraint " + conflict.constraint() : "with a WHERE") + " is not supported by "
                    + dialect.name() + ", whose MERGE matches on columns; use ConflictTarget.columns(...)");
        }
        String target = tableName(insert.table());
        List<String> columns = new ArrayList<>();
        SqlNode select = insert.fromQuery();
        if (select != null) {
            for (String column : insert.selectColumns()) {
                columns.add(quote(column));
            }
        } else {
            for (Assignment assignment : rows.get(0)) {
                columns.add(quote(assignment.column().name()));
            }
        }
        List<String> key = keyColumns(insert.table(), conflict);
        append("MERGE INTO ").append(target).append(" USING (");
        if (select != null) {
            select.accept(this);
        } else {
            append("VALUES ");
            rowValues(rows);
        }
        append(") AS excluded (").append(String.join(", ", columns)).append(") ON ");
        for (int i = 0; i < key.size(); i++) {
            String column = quote(key.get(i));
            append(i > 0 ? " AND " : "").append(target).append(".").append(column).append(" = excluded.")
                    .append(column);
        }
        if (!onConflict.doNothing()) {
            append(" WHEN MATCHED THEN UPDATE SET ");
            assignments(onConflict.set());
        }
        append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            append(i > 0 ? ", " : "").append("excluded.").append(columns.get(i));
        }
        append(")");
    }

    /** The tables a DML statement's WHERE clause names (outside subqueries) besides its target. */
    static List<TableReference> otherTables(@Nullable Predicate where, TableReference target) {
        List<TableReference> others = new ArrayList<>();
        if (where != null) {
            for (TableReference table : io.retort.sql.Sql.referencedTables(where)) {
                if (!table.equals(target)) {
                    others.add(table);
                }
            }
        }
        return others;
    }

    /**
     * The WITH clause of an UPDATE or DELETE whose values or WHERE clause use a CTE. Where the database takes no
     * WITH before UPDATE or DELETE (MariaDB), a CTE used in a subquery is declared in that subquery instead.
     */
    void dmlWithClause(SqlNode statement, TableReference target, List<TableReference> others) {
        if (plain) {
            return;
        }
        if (dialect.supportsCteOnDml()) {
            withClause(List.of(statement));
            return;
        }
        for (TableReference other : others) {
            TableReference base = other instanceof io.retort.sql.TableAlias
                    ? ((io.retort.sql.TableAlias) other).table() : other;
            if (base instanceof io.retort.sql.CommonTableExpression) {
                throw new io.retort.exception.CompileException("A WITH clause on UPDATE or DELETE (of "
                        + target.name() + ", naming CTE " + base.name() + ") is not supported by " + dialect.name()
                        + "; compare with a subquery of the CTE instead, e.g. where(" + target.name()
                        + ".c(\"id\").in(select(cte.c(\"id\"))))");
            }
        }
    }

    @Override
    public void visitUpdate(Update update) {
        mayWrite = true;
        List<Assignment> assignments = update.assignments();
        if (assignments.isEmpty()) {
            throw new io.retort.exception.CompileException("UPDATE " + update.table().name() + " has no values;"
                    + " give them with values(Map.of(\"column\", value)), or insert a row of the columns' defaults with"
                    + " defaultValues()");
        }
        // Other tables the WHERE clause refers to (outside subqueries) make an UPDATE ... FROM.
        List<TableReference> others = otherTables(update.whereClause(), update.table());
        dmlWithClause(update, update.table(), others);
        Dialect.UpdateFromStyle style = dialect.updateFromStyle();
        if (!others.isEmpty() && style == Dialect.UpdateFromStyle.NONE) {
            throw new io.retort.exception.CompileException("UPDATE ... FROM (" + update.table().name() + " with "
                    + others.get(0).name() + ") is not supported by " + dialect.name()
                    + "; compare with a subquery instead, e.g. where(exists(select(...)))");
        }
        boolean multiTable = !others.isEmpty() && style == Dialect.UpdateFromStyle.MULTI_TABLE;
        append("UPDATE ");
        prefixes(update.prefixes());
        update.table().accept(this);
        if (multiTable) {
            for (TableReference other : others) {
                append(", ");
                other.accept(this);
            }
        }
        append(" SET ");
        // A subquery among the values correlates to the table being updated.
        Set<TableReference> targets = new HashSet<>(others);
        targets.add(update.table());
        enclosing.push(targets);
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "");
            if (multiTable) {
                append(tableName(update.table())).append(".");
            }
            append(quote(assignments.get(i).column().name())).append("=");
            nameHint = assignments.get(i).column().name();
            assignments.get(i).value().accept(this);
        }
        enclosing.pop();
        if (!others.isEmpty() && style == Dialect.UpdateFromStyle.FROM) {
            append(" FROM ");
            visitAll(others, ", ");
        }
        if (update.whereClause() != null) {
            append(" WHERE ");
            enclosing.push(targets);
            update.whereClause().accept(this);
            enclosing.pop();
        }
        returning("UPDATE", update.table().name(), update.returningClause(), !others.isEmpty());
    }

    @Override
    public void visitDelete(Delete delete) {
        mayWrite = true;
        List<TableReference> others = otherTables(delete.whereClause(), delete.table());
        dmlWithClause(delete, delete.table(), others);
        Dialect.DeleteUsingStyle style = dialect.deleteUsingStyle();
        if (!others.isEmpty() && style == Dialect.DeleteUsingStyle.NONE) {
            throw new io.retort.exception.CompileException("DELETE ... USING (" + delete.table().name() + " with "
                    + others.get(0).name() + ") is not supported by " + dialect.name()
                    + "; compare with a subquery instead, e.g. where(exists(select(...)))");
        }
        append("DELETE ");
        prefixes(delete.prefixes());
        append("FROM ");
        if (!others.isEmpty() && style == Dialect.DeleteUsingStyle.MULTI_TABLE) {
            // MySQL: DELETE FROM target USING target, other...: the target is named by its alias, if any.
            append(tableName(delete.table())).append(" USING ");
            delete.table().accept(this);
            append(", ");
            visitAll(others, ", ");
        } else {
            delete.table().accept(this);
            if (!others.isEmpty()) {
                append(" USING ");
                visitAll(others, ", ");
            }
        }
        if (delete.whereClause() != null) {
            append(" WHERE ");
            Set<TableReference> targets = new HashSet<>(others);
            targets.add(delete.table());
            enclosing.push(targets);
            delete.whereClause().accept(this);
            enclosing.pop();
        }
        returning("DELETE", delete.table().name(), delete.returningClause(), !others.isEmpty());
    }
}
