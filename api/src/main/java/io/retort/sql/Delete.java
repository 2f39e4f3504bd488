package io.retort.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code DELETE FROM table WHERE ...}; immutable and generative.
 *
 * <pre>{@code
 * delete(users).where(users.c("name").eq("patrick"))
 * // DELETE FROM user_account WHERE user_account.name = ?
 * }</pre>
 */
public final class Delete implements Executable, SqlNode {
    private final TableReference table;
    private final @Nullable Predicate where;
    private final java.util.List<Expression<?>> returning;
    private final List<Prefix> prefixes;

    private Delete(TableReference table, @Nullable Predicate where, java.util.List<Expression<?>> returning,
            List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
        this.table = Objects.requireNonNull(table, "table");
        this.where = where;
        this.returning = java.util.List.copyOf(returning);
    }

    static Delete from(TableReference table) {
        return new Delete(table, null, java.util.List.of(), List.of());
    }

    /** {@code RETURNING columns...} (PostgreSQL, SQLite 3.35+, MariaDB 10.5+; H2 cannot: a compile error). */
    public Delete returning(Expression<?>... columns) {
        return new Delete(table, where, java.util.List.of(columns), prefixes);
    }

    /** The RETURNING expressions (empty without RETURNING). */
    public java.util.List<Expression<?>> returningClause() {
        return returning;
    }

    /** Adds WHERE criteria, joined with AND. */
    public Delete where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return new Delete(table, combined, returning, prefixes);
    }


    /**
     * Adds words after the statement's keyword, as SQLAlchemy's {@code prefix_with}: {@code prefixWith("IGNORE",
     * "mysql", "mariadb")} gives {@code DELETE IGNORE ...} on those dialects only (none named: every dialect). The words
     * are SQL text, spliced as given: never pass values from users.
     *
     * @throws io.retort.exception.InvalidArgumentException if the text is blank or holds {@code ;} or a comment
     */
    public Delete prefixWith(String text, String... dialects) {
        List<Prefix> more = new java.util.ArrayList<>(prefixes);
        more.add(Prefix.of(text, dialects));
        return new Delete(table, where, returning, more);
    }

    /**
     * This DELETE ... RETURNING as a named subquery, {@code WITH name AS (DELETE ... RETURNING ...)}, to select from
     * (PostgreSQL's data-modifying CTE, as SQLAlchemy's {@code cte()} of a DML statement); its columns are the
     * RETURNING columns. Other databases refuse it at compile time.
     *
     * @throws io.retort.exception.InvalidArgumentException if the statement has no RETURNING columns
     */
    public CommonTableExpression cte(String name) {
        return CommonTableExpression.ofDml(name, this, returningClause());
    }

    /** The prefixes given with {@link #prefixWith}, in order. */
    public List<Prefix> prefixes() {
        return prefixes;
    }

    /** The target table. */
    public TableReference table() {
        return table;
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
        visitor.visitDelete(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Delete && ((Delete) other).table.equals(table)
                && Objects.equals(((Delete) other).where, where) && ((Delete) other).returning.equals(returning)
                && ((Delete) other).prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, where, returning);
    }
}
