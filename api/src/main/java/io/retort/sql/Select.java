package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
    private final List<TableReference> from;
    private final @Nullable Predicate where;
    private final List<OrderBy> orderBy;
    private final @Nullable BindParameter<Integer> limit;
    private final @Nullable BindParameter<Integer> offset;
    private final boolean distinct;

    private Select(List<Expression<?>> columns, List<TableReference> from, @Nullable Predicate where,
            List<OrderBy> orderBy, @Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset,
            boolean distinct) {
        this.columns = List.copyOf(columns);
        this.from = List.copyOf(from);
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
    }

    static Select of(List<Expression<?>> columns) {
        if (columns.isEmpty()) {
            throw new InvalidArgumentException("select() needs at least one column, expression or table");
        }
        return new Select(columns, List.of(), null, List.of(), null, null, false);
    }

    /** Adds WHERE criteria, joined to any existing ones with AND. */
    public Select where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? Objects.requireNonNull(criterion, "criterion") : combined.and(criterion);
        }
        return new Select(columns, from, combined, orderBy, limit, offset, distinct);
    }

    /** Adds tables to the FROM clause explicitly. */
    public Select from(TableReference... tables) {
        List<TableReference> more = new ArrayList<>(from);
        more.addAll(List.of(tables));
        return new Select(columns, more, where, orderBy, limit, offset, distinct);
    }

    /** Appends ORDER BY items. */
    public Select orderBy(OrderBy... items) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        more.addAll(List.of(items));
        return new Select(columns, from, where, more, limit, offset, distinct);
    }

    /** Appends ORDER BY expressions, ascending. */
    public Select orderBy(Expression<?>... expressions) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        for (Expression<?> expression : expressions) {
            more.add(expression.asc());
        }
        return new Select(columns, from, where, more, limit, offset, distinct);
    }

    /** Sets LIMIT (bound as a parameter, so other limits share the compiled statement). */
    public Select limit(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("limit must be 0 or more, but was " + rows);
        }
        return new Select(columns, from, where, orderBy, BindParameter.of(Types.INTEGER, rows), offset, distinct);
    }

    /** Sets OFFSET. */
    public Select offset(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("offset must be 0 or more, but was " + rows);
        }
        return new Select(columns, from, where, orderBy, limit, BindParameter.of(Types.INTEGER, rows), distinct);
    }

    /** SELECT DISTINCT. */
    public Select distinct() {
        return new Select(columns, from, where, orderBy, limit, offset, true);
    }

    /** The selected expressions. */
    public List<Expression<?>> columns() {
        return columns;
    }

    /** The FROM tables: explicit ones first, then those of the selected columns, each once. */
    public List<TableReference> froms() {
        Set<TableReference> tables = new LinkedHashSet<>(from);
        for (Expression<?> column : columns) {
            Expression<?> inner = column instanceof Labeled<?> ? ((Labeled<?>) column).expression() : column;
            if (inner instanceof ColumnReference<?>) {
                tables.add(((ColumnReference<?>) inner).tableReference());
            }
        }
        return List.copyOf(tables);
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
        if (!(other instanceof Select)) {
            return false;
        }
        Select that = (Select) other;
        return columns.equals(that.columns) && from.equals(that.from) && Objects.equals(where, that.where)
                && orderBy.equals(that.orderBy) && Objects.equals(limit, that.limit)
                && Objects.equals(offset, that.offset) && distinct == that.distinct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, from, where, orderBy, limit, offset, distinct);
    }
}
