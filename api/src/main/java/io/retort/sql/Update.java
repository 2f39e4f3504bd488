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
    private final List<Prefix> prefixes;

    private Update(TableReference table, List<Assignment> values, @Nullable Predicate where,
            List<Expression<?>> returning, List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
        this.table = Objects.requireNonNull(table, "table");
        this.values = List.copyOf(values);
        this.where = where;
        this.returning = List.copyOf(returning);
    }

    static Update of(TableReference table) {
        return new Update(table, List.of(), null, List.of(), List.of());
    }

    /** {@code RETURNING columns...} (PostgreSQL, SQLite 3.35+; MariaDB and H2 cannot: a compile error). */
    public Update returning(Expression<?>... columns) {
        return new Update(table, values, where, List.of(columns), prefixes);
    }

    /** The RETURNING expressions (empty without RETURNING). */
    public List<Expression<?>> returningClause() {
        return returning;
    }

    /** Sets the new values by column name; a value may be an {@link Expression} (e.g. another column). */
    public Update values(Map<String, ? extends @Nullable Object> columnValues) {
        return new Update(table, Assignments.of(table, columnValues), where, returning, prefixes);
    }

    /** Adds WHERE criteria, joined with AND. */
    public Update where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return new Update(table, values, combined, returning, prefixes);
    }


    /**
     * Adds words after the statement's keyword, as SQLAlchemy's {@code prefix_with}: {@code prefixWith("IGNORE",
     * "mysql", "mariadb")} gives {@code UPDATE IGNORE ...} on those dialects only (none named: every dialect). The words
     * are SQL text, spliced as given: never pass values from users.
     *
     * @throws io.retort.exception.InvalidArgumentException if the text is blank or holds {@code ;} or a comment
     */
    public Update prefixWith(String text, String... dialects) {
        List<Prefix> more = new java.util.ArrayList<>(prefixes);
        more.add(Prefix.of(text, dialects));
        return new Update(table, values, where, returning, more);
    }

    /**
     * This UPDATE ... RETURNING as a named subquery, {@code WITH name AS (UPDATE ... RETURNING ...)}, to select from
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
                && ((Update) other).returning.equals(returning) && ((Update) other).prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, values, where, returning);
    }
}
