package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT}: immutable and generative, each method returns a new statement.
 *
 * <pre>{@code
 * select(users.c("id"), users.c("name"))
 *         .where(users.c("name").like("s%"))
 *         .orderBy(users.c("id").desc())
 *         .limit(10)
 * // SELECT user_account.id, user_account.name FROM user_account
 * // WHERE user_account.name LIKE ? ORDER BY user_account.id DESC LIMIT ?
 * }</pre>
 *
 * The FROM clause lists the explicit {@link #from} tables, then the tables of the selected columns.
 */
public final class Select implements Executable, SqlNode {
    private final List<Expression<?>> columns;
    private final List<FromClause> from;
    private final List<Expression<?>> groupBy;
    private final @Nullable Predicate having;
    private final @Nullable Predicate where;
    private final List<OrderBy> orderBy;
    private final @Nullable BindParameter<Integer> limit;
    private final @Nullable BindParameter<Integer> offset;
    private final boolean distinct;
    private final @Nullable RowLock forUpdate;
    /** The expressions of {@link #distinctOn}, empty for none. */
    private final List<Expression<?>> distinctOn;
    /** The tables {@link #correlate} names, or null for automatic correlation. */
    private final @Nullable List<TableReference> correlate;
    /** The tables {@link #correlateExcept} names, or null. */
    private final @Nullable List<TableReference> correlateExcept;
    /** Whether the limit is {@code FETCH FIRST n ROWS WITH TIES}. */
    private final boolean withTies;
    private final List<Prefix> prefixes;
    /** {@link #froms()}, worked out on first use (the statement is immutable; a race computes it twice). */
    private @Nullable List<FromClause> resolvedFroms;
    /** {@link #hashCode()}, 0 until first computed: the compiled-statement cache hashes a statement per execution. */
    private int hash;

    private Select(SelectParts parts) {
        this.forUpdate = parts.forUpdate;
        this.distinctOn = List.copyOf(parts.distinctOn);
        this.columns = List.copyOf(parts.columns);
        this.from = List.copyOf(parts.from);
        this.groupBy = List.copyOf(parts.groupBy);
        this.having = parts.having;
        this.where = parts.where;
        this.orderBy = List.copyOf(parts.orderBy);
        this.limit = parts.limit;
        this.offset = parts.offset;
        this.distinct = parts.distinct;
        this.correlate = parts.correlate == null ? null : List.copyOf(parts.correlate);
        this.correlateExcept = parts.correlateExcept == null ? null : List.copyOf(parts.correlateExcept);
        this.withTies = parts.withTies;
        this.prefixes = List.copyOf(parts.prefixes);
    }

    /**
     * A copy with another WHERE criterion and every other part the same: {@link #where} runs once per statement built
     * (a lookup builds one per key), so it copies the frozen fields without going through {@link SelectParts}.
     */
    private Select(Select base, @Nullable Predicate where) {
        this.forUpdate = base.forUpdate;
        this.distinctOn = base.distinctOn;
        this.columns = base.columns;
        this.from = base.from;
        this.groupBy = base.groupBy;
        this.having = base.having;
        this.where = where;
        this.orderBy = base.orderBy;
        this.limit = base.limit;
        this.offset = base.offset;
        this.distinct = base.distinct;
        this.correlate = base.correlate;
        this.correlateExcept = base.correlateExcept;
        this.withTies = base.withTies;
        this.prefixes = base.prefixes;
    }

    /** A copy with these parts changed (and the correlation kept). */
    private Select with(List<Expression<?>> columns, List<FromClause> from, @Nullable Predicate where,
            List<OrderBy> orderBy, @Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset,
            boolean distinct, List<Expression<?>> groupBy, @Nullable Predicate having, @Nullable RowLock forUpdate) {
        SelectParts parts = new SelectParts(this);
        parts.columns = columns;
        parts.from = from;
        parts.where = where;
        parts.orderBy = orderBy;
        parts.limit = limit;
        parts.offset = offset;
        parts.distinct = distinct;
        parts.groupBy = groupBy;
        parts.having = having;
        parts.forUpdate = forUpdate;
        return new Select(parts);
    }

    static Select of(List<Expression<?>> columns) {
        if (columns.isEmpty()) {
            throw new InvalidArgumentException("select() needs at least one column, expression or table");
        }
        return new Select(new SelectParts(columns));
    }

    /** Adds WHERE criteria, joined to any existing ones with AND. */
    public Select where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? Objects.requireNonNull(criterion, "criterion") : combined.and(criterion);
        }
        return new Select(this, combined);
    }

    /** Appends expressions to the selected columns, as SQLAlchemy's {@code add_columns}. */
    public Select addColumns(Expression<?>... more) {
        List<Expression<?>> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return with(all, from, where, orderBy, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /**
     * A copy that selects only these expressions, as SQLAlchemy's {@code with_only_columns()}: the explicit FROM
     * tables and every other clause are kept; the FROM clause then implies the tables of the new columns.
     */
    public Select withOnlyColumns(Expression<?>... only) {
        if (only.length == 0) {
            throw new InvalidArgumentException("withOnlyColumns() needs at least one column, expression or table");
        }
        return with(List.of(only), from, where, orderBy, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /**
     * A copy whose explicit FROM list is exactly these tables and joins, every other clause kept: for putting a join
     * in the place of one of a statement's tables (see {@link #froms()} for the list to start from).
     */
    public Select withFroms(FromClause... tables) {
        return with(columns, List.of(tables), where, orderBy, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /** Adds tables (or joins) to the FROM clause explicitly. */
    public Select from(FromClause... tables) {
        List<FromClause> more = new ArrayList<>(from);
        more.addAll(List.of(tables));
        return with(columns, more, where, orderBy, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /**
     * {@code JOIN right}, from the leftmost FROM table, with the ON clause inferred from the foreign key between
     * them: {@code select(users.c("name"), addresses.c("email_address")).join(addresses)}.
     *
     * @throws InvalidArgumentException if no foreign key, or more than one, links them
     */
    public Select join(TableReference right) {
        return joined(right, null, Join.Kind.INNER);
    }

    /** {@code JOIN right ON onClause}. */
    public Select join(TableReference right, Predicate onClause) {
        return joined(right, Objects.requireNonNull(onClause, "onClause"), Join.Kind.INNER);
    }

    /** {@code LEFT OUTER JOIN right}, ON clause inferred. */
    public Select outerJoin(TableReference right) {
        return joined(right, null, Join.Kind.LEFT);
    }

    /** {@code LEFT OUTER JOIN right ON onClause}. */
    public Select outerJoin(TableReference right, Predicate onClause) {
        return joined(right, Objects.requireNonNull(onClause, "onClause"), Join.Kind.LEFT);
    }

    /** {@code FULL OUTER JOIN right ON onClause} (not on MySQL or MariaDB). */
    public Select fullJoin(TableReference right, Predicate onClause) {
        return joined(right, Objects.requireNonNull(onClause, "onClause"), Join.Kind.FULL);
    }

    /**
     * {@code JOIN right ON onClause} where the right side is a nested join, {@code JOIN (b JOIN c ON ...) ON ...}:
     * {@code select(a.c("x")).outerJoin(Sql.join(b, c, b.c("id").eq(c.c("b_id"))), a.c("id").eq(b.c("a_id")))}.
     */
    public Select join(Join right, Predicate onClause) {
        return joined(right, Objects.requireNonNull(onClause, "onClause"), Join.Kind.INNER);
    }

    /** {@code LEFT OUTER JOIN (b JOIN c ON ...) ON onClause}. */
    public Select outerJoin(Join right, Predicate onClause) {
        return joined(right, Objects.requireNonNull(onClause, "onClause"), Join.Kind.LEFT);
    }

    private Select joined(FromClause right, @Nullable Predicate onClause, Join.Kind kind) {
        return with(columns, SelectParts.joined(from, froms(), right, onClause, kind), where, orderBy, limit, offset,
                distinct, groupBy, having, forUpdate);
    }

    /** {@code FOR UPDATE}: lock the selected rows until the transaction ends (SQLite locks the whole database). */
    public Select forUpdate() {
        return lock(RowLock.forUpdate());
    }

    /** {@code FOR UPDATE NOWAIT}: fail at once if a row is locked. */
    public Select forUpdateNoWait() {
        return lock(RowLock.forUpdate().nowait());
    }

    /** {@code FOR UPDATE SKIP LOCKED}: leave out rows another transaction has locked (a work queue). */
    public Select forUpdateSkipLocked() {
        return lock(RowLock.forUpdate().skipLocked());
    }

    /** Takes a row lock of any strength, on some tables, waiting or not; see {@link RowLock}. */
    public Select lock(RowLock lock) {
        return with(columns, from, where, orderBy, limit, offset, distinct, groupBy, having,
                Objects.requireNonNull(lock, "lock"));
    }

    /** How a FOR UPDATE lock waits, or null without a lock. */
    public @Nullable ForUpdate forUpdateClause() {
        return forUpdate == null ? null : forUpdate.waitMode();
    }

    /** The row lock, or null. */
    public @Nullable RowLock rowLockClause() {
        return forUpdate;
    }

    /**
     * {@code SELECT DISTINCT ON (expressions) ...} (PostgreSQL): one row per distinct value of the expressions, the
     * first in ORDER BY order; elsewhere a compile error.
     *
     * <pre>{@code
     * select(orders.c("customer_id"), orders.c("total")).distinctOn(orders.c("customer_id"))
     *         .orderBy(orders.c("customer_id").asc(), orders.c("total").desc())
     * // SELECT DISTINCT ON (orders.customer_id) orders.customer_id, orders.total FROM orders ORDER BY ...
     * }</pre>
     */
    public Select distinctOn(Expression<?>... expressions) {
        SelectParts parts = new SelectParts(this);
        parts.distinct = true;
        parts.distinctOn = List.of(expressions);
        return new Select(parts);
    }

    /** The expressions of DISTINCT ON, empty for none. */
    public List<Expression<?>> distinctOnClause() {
        return distinctOn;
    }

    /** How a SELECT ... FOR UPDATE waits for locked rows. */
    public enum ForUpdate {
        /** {@code FOR UPDATE}: wait. */ WAIT,
        /** {@code FOR UPDATE NOWAIT}: fail. */ NOWAIT,
        /** {@code FOR UPDATE SKIP LOCKED}: skip. */ SKIP_LOCKED
    }

    /**
     * Correlates only the given tables: inside an enclosing statement that has them in its FROM clause, they are
     * left out of this SELECT's FROM, as SQLAlchemy's {@code correlate()}; tables not named stay in this FROM clause.
     *
     * <pre>{@code
     * select(users.c("name"), select(count()).from(addresses).where(addresses.c("user_id").eq(users.c("id")))
     *         .correlate(users).scalarSubquery())
     * // SELECT user_account.name, (SELECT count(*) FROM address WHERE address.user_id = user_account.id)
     * // FROM user_account
     * }</pre>
     *
     * With no table, nothing is correlated: the subquery keeps its whole FROM clause.
     */
    public Select correlate(TableReference... tables) {
        SelectParts parts = new SelectParts(this);
        parts.correlate = List.of(tables);
        parts.correlateExcept = null;
        return new Select(parts);
    }

    /**
     * Correlates every table of the enclosing statement except the given ones, which stay in this SELECT's FROM
     * clause, as SQLAlchemy's {@code correlate_except()}.
     */
    public Select correlateExcept(TableReference... tables) {
        SelectParts parts = new SelectParts(this);
        parts.correlateExcept = List.of(tables);
        parts.correlate = null;
        return new Select(parts);
    }

    /** The tables {@link #correlate} names, or null when correlation is automatic. */
    public @Nullable List<TableReference> correlateClause() {
        return correlate;
    }

    /** The tables {@link #correlateExcept} names, or null. */
    public @Nullable List<TableReference> correlateExceptClause() {
        return correlateExcept;
    }

    /**
     * Appends ORDER BY items naming a labeled column of this SELECT, as SQLAlchemy's {@code order_by("name")};
     * a leading {@code -} orders descending: {@code orderBy("-n")} gives {@code ORDER BY n DESC}.
     *
     * @throws InvalidArgumentException if no selected column has that label
     */
    public Select orderBy(String... labels) {
        OrderBy[] items = new OrderBy[labels.length];
        for (int i = 0; i < labels.length; i++) {
            boolean descending = labels[i].startsWith("-");
            String label = descending ? labels[i].substring(1) : labels[i];
            items[i] = new OrderBy(SelectParts.labeled(columns, label, "orderBy"), descending);
        }
        return orderBy(items);
    }

    /**
     * Appends GROUP BY items naming a labeled column of this SELECT: the labeled expression is grouped on.
     *
     * @throws InvalidArgumentException if no selected column has that label
     */
    public Select groupBy(String... labels) {
        Expression<?>[] items = new Expression<?>[labels.length];
        for (int i = 0; i < labels.length; i++) {
            items[i] = SelectParts.labeled(columns, labels[i], "groupBy");
        }
        return groupBy(items);
    }

    /** Appends GROUP BY expressions. */
    public Select groupBy(Expression<?>... expressions) {
        List<Expression<?>> more = new ArrayList<>(groupBy);
        more.addAll(List.of(expressions));
        return with(columns, from, where, orderBy, limit, offset, distinct, more, having, forUpdate);
    }

    /** Adds HAVING criteria, joined with AND. */
    public Select having(Predicate... criteria) {
        Predicate combined = having;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return with(columns, from, where, orderBy, limit, offset, distinct, groupBy, combined, forUpdate);
    }

    /** The GROUP BY expressions. */
    public List<Expression<?>> groupByClause() {
        return groupBy;
    }

    /** The HAVING predicate, or null. */
    public @Nullable Predicate havingClause() {
        return having;
    }

    /** Appends ORDER BY items. */
    public Select orderBy(OrderBy... items) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        more.addAll(List.of(items));
        return with(columns, from, where, more, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /** Appends ORDER BY expressions, ascending. */
    public Select orderBy(Expression<?>... expressions) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        for (Expression<?> expression : expressions) {
            more.add(expression.asc());
        }
        return with(columns, from, where, more, limit, offset, distinct, groupBy, having, forUpdate);
    }

    /**
     * Sets LIMIT (bound as a parameter, so other limits share the compiled statement); it replaces a
     * {@link #fetch} given before, as SQLAlchemy's {@code limit()} does.
     */
    public Select limit(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("limit must be 0 or more, but was " + rows);
        }
        SelectParts parts = new SelectParts(this);
        parts.limit = BindParameter.of(Types.INTEGER, rows);
        parts.withTies = false;
        return new Select(parts);
    }

    /**
     * {@code FETCH FIRST rows ROWS ONLY}, or with {@code withTies} {@code FETCH FIRST rows ROWS WITH TIES}: also the
     * rows that tie with the last one in ORDER BY order, as SQLAlchemy's {@code fetch(n, with_ties=True)}.
     * Without ties it is {@link #limit}. WITH TIES needs an ORDER BY, and PostgreSQL 13+, H2 or MariaDB 10.6+ (a
     * compile error elsewhere).
     */
    public Select fetch(int rows, boolean withTies) {
        SelectParts parts = new SelectParts(limit(rows));
        parts.withTies = withTies;
        return new Select(parts);
    }

    /** Whether the limit is {@code FETCH FIRST n ROWS WITH TIES} ({@link #fetch}). */
    public boolean isWithTies() {
        return withTies;
    }

    /**
     * Adds words after SELECT, as SQLAlchemy's {@code prefix_with}: {@code prefixWith("SQL_NO_CACHE", "mysql",
     * "mariadb")} gives {@code SELECT SQL_NO_CACHE ...} on those dialects only (none named: every dialect). The words
     * are SQL text, spliced as given: never pass values from users.
     *
     * @throws InvalidArgumentException if the text is blank or holds {@code ;} or a comment
     */
    public Select prefixWith(String text, String... dialects) {
        SelectParts parts = new SelectParts(this);
        List<Prefix> more = new ArrayList<>(prefixes);
        more.add(Prefix.of(text, dialects));
        parts.prefixes = more;
        return new Select(parts);
    }

    /** The prefixes given with {@link #prefixWith}, in order. */
    public List<Prefix> prefixes() {
        return prefixes;
    }

    /** Sets OFFSET. */
    public Select offset(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("offset must be 0 or more, but was " + rows);
        }
        return with(columns, from, where, orderBy, limit, BindParameter.of(Types.INTEGER, rows), distinct,
                groupBy, having, forUpdate);
    }

    /** SELECT DISTINCT. */
    public Select distinct() {
        return with(columns, from, where, orderBy, limit, offset, true, groupBy, having, forUpdate);
    }

    /**
     * This SELECT as a scalar value, {@code (SELECT ...)}, typed by its single column; tables of the enclosing
     * statement are correlated.
     *
     * @throws InvalidArgumentException if it selects more than one column
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Subquery<T> scalarSubquery() {
        if (columns.size() != 1) {
            throw new InvalidArgumentException("A scalar subquery selects one column, but this SELECT has "
                    + columns.size());
        }
        return new Subquery<>(this, (io.retort.types.SqlType) columns.get(0).type());
    }

    /** The SQL and parameters for a dialect, without a database: {@code compile("postgresql")}. */
    public CompiledSql compile(String dialect) {
        return Sql.compile(this, dialect);
    }

    /** Readable SQL with named parameters, as PostgreSQL would get it: {@code ... WHERE user_account.name = :name}. */
    @Override
    public String toString() {
        return Sql.render(this);
    }

    /** This SELECT as a table in a FROM clause, {@code (SELECT ...) AS name}. */
    public DerivedTable subquery(String name) {
        return new DerivedTable(name, this, this, false);
    }

    /**
     * This SELECT as a LATERAL table, {@code LATERAL (SELECT ...) AS name}, which may refer to the tables before it
     * in the FROM clause (PostgreSQL, MySQL 8.0.14+; elsewhere a compile error).
     */
    public DerivedTable lateral(String name) {
        return new DerivedTable(name, this, this, true);
    }

    /** This SELECT as a common table expression, {@code WITH name AS (...)}, to select from like a table. */
    public CommonTableExpression cte(String name) {
        return new CommonTableExpression(name, this, this, false);
    }

    /** The anchor of a recursive CTE; complete it with {@link CommonTableExpression#unionAll(Select)}. */
    public CommonTableExpression recursiveCte(String name) {
        return new CommonTableExpression(name, this, this, true);
    }

    /** {@code this UNION others...}: rows of any, without duplicates. */
    public CompoundSelect union(Select... others) {
        return compound(CompoundSelect.Kind.UNION, others);
    }

    /** {@code this UNION ALL others...}: rows of any, duplicates kept. */
    public CompoundSelect unionAll(Select... others) {
        return compound(CompoundSelect.Kind.UNION_ALL, others);
    }

    /** {@code this INTERSECT other}: rows of both. */
    public CompoundSelect intersect(Select other) {
        return compound(CompoundSelect.Kind.INTERSECT, other);
    }

    /** {@code this EXCEPT other}: rows of this one that the other lacks. */
    public CompoundSelect except(Select other) {
        return compound(CompoundSelect.Kind.EXCEPT, other);
    }

    private CompoundSelect compound(CompoundSelect.Kind kind, Select... others) {
        List<Select> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(others));
        return new CompoundSelect(kind, all, List.of(), null, null);
    }

    /** The selected expressions. */
    public List<Expression<?>> columns() {
        return columns;
    }

    /** The tables and joins given explicitly ({@code from}, {@code join}), without the tables the columns imply. */
    public List<FromClause> explicitFroms() {
        return from;
    }

    /**
     * The FROM clause: the explicit tables and joins first, then the tables of the columns in the selected
     * expressions and the WHERE clause that none of them holds, each once.
     */
    public List<FromClause> froms() {
        List<FromClause> resolved = resolvedFroms;
        if (resolved == null) {
            resolved = SelectParts.resolveFroms(from, columns, where);
            resolvedFroms = resolved;
        }
        return resolved;
    }

    /** The WHERE predicate, or null. */
    public @Nullable Predicate whereClause() {
        return where;
    }

    /** The ORDER BY items. */
    public List<OrderBy> orderByClause() {
        return orderBy;
    }

    /** The LIMIT parameter, or null. */
    public @Nullable BindParameter<Integer> limitClause() {
        return limit;
    }

    /** The OFFSET parameter, or null. */
    public @Nullable BindParameter<Integer> offsetClause() {
        return offset;
    }

    /** Whether it is SELECT DISTINCT. */
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitSelect(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Select)) {
            return false;
        }
        Select that = (Select) other;
        return columns.equals(that.columns) && from.equals(that.from) && Objects.equals(where, that.where)
                && groupBy.equals(that.groupBy) && Objects.equals(having, that.having)
                && Objects.equals(forUpdate, that.forUpdate)
                && orderBy.equals(that.orderBy) && Objects.equals(limit, that.limit)
                && Objects.equals(offset, that.offset) && distinct == that.distinct
                && Objects.equals(correlate, that.correlate) && Objects.equals(correlateExcept, that.correlateExcept)
                && distinctOn.equals(that.distinctOn) && withTies == that.withTies && prefixes.equals(that.prefixes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(columns, from, where, orderBy, limit, offset, distinct, groupBy, having, forUpdate,
                    correlate, correlateExcept, distinctOn);
            hash = h;
        }
        return h;
    }
}
