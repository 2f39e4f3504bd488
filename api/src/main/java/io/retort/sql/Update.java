package io.retort.sql;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code UPDATE table SET ... WHERE ...}; immutable and generative.
 *
 * <pre>{@code
 * update(users).values(Map.of("fullname", "Patrick Star")).where(users.c("name").eq("patrick"))
 * // UPDATE user_account SET fullname=? WHERE user_account.name = ?
 * }</pre>
 */
public final class Update implements Executable, SqlNode {
    private final TableReference table;
    private final List<Assignment> values;
    private final @Nullable Predicate where;
    private final List<Expression<?>> returning;

    private Update(TableReference table, List<Assignment> values, @Nullable Predicate where,
            List<Expression<?>> returning) {
        this.table = Objects.requireNonNull(table, "table");
        this.values = List.copyOf(values);
        this.where = where;
        this.returning = List.copyOf(returning);
    }

    static Update of(TableReference table) {
        return new Update(table, List.of(), null, List.of());
    }

    /** {@code RETURNING columns...} (PostgreSQL, SQLite 3.35+; MariaDB and H2 cannot: a compile error). */
    public Update returning(Expression<?>... columns) {
        return new Update(table, values, where, List.of(columns));
    }

    /** The RETURNING expressions (empty without RETURNING). */
    public List<Expression<?>> returningClause() {
        return returning;
    }

    /** Sets the new values by column name; a value may be an {@link Expression} (e.g. another column). */
    public Update values(Map<String, ? extends @Nullable Object> columnValues) {
        return new Update(table, Assignments.of(table, columnValues), where, returning);
    }

    /** Adds WHERE criteria, joined with AND. */
    public Update where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return new Update(table, values, combined, returning);
    }

    /** The target table. */
    public TableReference table() {
        return table;
    }

    /** The assignments. */
    public List<Assignment> assignments() {
        return values;
    }

    /** The WHERE predicate, or null (every row). */
    public @Nullable Predicate whereClause() {
        return where;
    }

    /** The SQL and parameters for a dialect, without a database. */
    public CompiledSql compile(String dialect) {
        return Sql.compile(this, dialect);
    }

    /** Readable SQL with named parameters. */
    @Override
    public String toString() {
        return Sql.render(this);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitUpdate(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Update && ((Update) other).table.equals(table)
                && ((Update) other).values.equals(values) && Objects.equals(((Update) other).where, where)
                && ((Update) other).returning.equals(returning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, values, where, returning);
    }
}
