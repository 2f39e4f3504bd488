package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SELECTs combined with {@code UNION [ALL]}, {@code INTERSECT} or {@code EXCEPT}, made by {@link Select#union} and
 * its siblings; ORDER BY and LIMIT apply to the combined rows. Immutable and generative.
 */
public final class CompoundSelect implements Executable, SqlNode {
    /** How the SELECTs combine. */
    public enum Kind {
        /** Rows of either, without duplicates. */ UNION("UNION"),
        /** Rows of either, with duplicates. */ UNION_ALL("UNION ALL"),
        /** Rows of both. */ INTERSECT("INTERSECT"),
        /** Rows of the first not in the second. */ EXCEPT("EXCEPT");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** The keywords. */
        public String sql() {
            return sql;
        }
    }

    private final Kind kind;
    private final List<Select> selects;
    private final List<OrderBy> orderBy;
    private final @Nullable BindParameter<Integer> limit;
    private final @Nullable BindParameter<Integer> offset;

    CompoundSelect(Kind kind, List<Select> selects, List<OrderBy> orderBy, @Nullable BindParameter<Integer> limit,
            @Nullable BindParameter<Integer> offset) {
        this.kind = kind;
        this.selects = List.copyOf(selects);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        int width = selects.get(0).columns().size();
        for (Select select : selects) {
            if (select.columns().size() != width) {
                throw new InvalidArgumentException("All SELECTs of a " + kind.sql() + " need the same number of"
                        + " columns, but one has " + select.columns().size() + " and the first " + width);
            }
        }
    }

    /** The same combination of other SELECTs (as many as it has, with the same number of columns). */
    public CompoundSelect withSelects(List<Select> replacement) {
        if (replacement.size() != selects.size()) {
            throw new InvalidArgumentException("withSelects needs " + selects.size() + " SELECTs, as this "
                    + kind.sql() + " has, but was given " + replacement.size());
        }
        return new CompoundSelect(kind, replacement, orderBy, limit, offset);
    }

    /** Orders the combined rows. */
    public CompoundSelect orderBy(OrderBy... items) {
        List<OrderBy> more = new ArrayList<>(orderBy);
        more.addAll(List.of(items));
        return new CompoundSelect(kind, selects, more, limit, offset);
    }

    /** Limits the combined rows. */
    public CompoundSelect limit(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("limit must be 0 or more, but was " + rows);
        }
        return new CompoundSelect(kind, selects, orderBy, BindParameter.of(io.retort.types.Types.INTEGER, rows),
                offset);
    }

    /** Skips the first combined rows: {@code ... UNION SELECT ... ORDER BY a LIMIT ? OFFSET ?}. */
    public CompoundSelect offset(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException("offset must be 0 or more, but was " + rows);
        }
        return new CompoundSelect(kind, selects, orderBy, limit,
                BindParameter.of(io.retort.types.Types.INTEGER, rows));
    }

    /**
     * The combined rows as a table in a FROM clause, its columns named by the first SELECT:
     *
     * <pre>{@code
     * DerivedTable u = select(a.c("id")).union(select(b.c("id"))).subquery("u");
     * select(count()).from(u)   // SELECT count(*) FROM (SELECT a.id FROM a UNION SELECT b.id FROM b) AS u
     * }</pre>
     */
    public DerivedTable subquery(String name) {
        return new DerivedTable(name, this, selects.get(0), false);
    }

    /** The combined rows as a common table expression, {@code WITH name AS (SELECT ... UNION SELECT ...)}. */
    public CommonTableExpression cte(String name) {
        return new CommonTableExpression(name, selects.get(0), this, false);
    }

    /** How the SELECTs combine. */
    public Kind kind() {
        return kind;
    }

    /** The combined SELECTs. */
    public List<Select> selects() {
        return selects;
    }

    /** The ORDER BY of the combined rows. */
    public List<OrderBy> orderByClause() {
        return orderBy;
    }

    /** The LIMIT of the combined rows, or null. */
    public @Nullable BindParameter<Integer> limitClause() {
        return limit;
    }

    /** The OFFSET of the combined rows, or null. */
    public @Nullable BindParameter<Integer> offsetClause() {
        return offset;
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
        visitor.visitCompoundSelect(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CompoundSelect && ((CompoundSelect) other).kind == kind
                && ((CompoundSelect) other).selects.equals(selects) && ((CompoundSelect) other).orderBy.equals(orderBy)
                && Objects.equals(((CompoundSelect) other).limit, limit)
                && Objects.equals(((CompoundSelect) other).offset, offset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, selects, orderBy, limit, offset);
    }
}
