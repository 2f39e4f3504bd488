package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON onClause}. Without an explicit ON clause, it is inferred from
 * the one foreign key between the two sides, as SQLAlchemy does.
 */
public final class Join implements FromClause {
    /** The kind of join. */
    public enum Kind {
        /** {@code JOIN}. */ INNER("JOIN"),
        /** {@code LEFT OUTER JOIN}. */ LEFT("LEFT OUTER JOIN"),
        /** {@code FULL OUTER JOIN}; not on MySQL or MariaDB. */ FULL("FULL OUTER JOIN");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** The keywords. */
        public String sql() {
            return sql;
        }
    }

    private final FromClause left;
    private final FromClause right;
    private final Predicate onClause;
    private final Kind kind;

    Join(FromClause left, FromClause right, @Nullable Predicate onClause, Kind kind) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.kind = kind;
        if (onClause == null && !(right instanceof TableReference)) {
            throw new InvalidArgumentException("A join to a nested join needs its ON clause; give it, e.g."
                    + " outerJoin(join(b, c, ...), a.c(\"x\").eq(b.c(\"y\")))");
        }
        this.onClause = onClause != null ? onClause : infer(left, (TableReference) right);
    }

    /** The tables of a FROM clause, left to right. */
    static List<TableReference> tables(FromClause from) {
        List<TableReference> tables = new ArrayList<>();
        if (from instanceof Join) {
            tables.addAll(tables(((Join) from).left));
            tables.addAll(tables(((Join) from).right));
        } else if (from instanceof TableReference) {
            tables.add((TableReference) from);
        }
        return tables;
    }

    private static Predicate infer(FromClause left, TableReference right) {
        List<Predicate> found = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (TableReference table : tables(left)) {
            for (ForeignKeyReference fk : right.foreignKeyReferences()) {
                if (fk.referredTable().equals(table.baseName())) {
                    found.add(on(right, fk.columns(), table, fk.referredColumns()));
                    described.add(right.name() + fk.columns() + " -> " + table.name());
                }
            }
            for (ForeignKeyReference fk : table.foreignKeyReferences()) {
                if (fk.referredTable().equals(right.baseName()) && !table.equals(right)) {
                    found.add(on(table, fk.columns(), right, fk.referredColumns()));
                    described.add(table.name() + fk.columns() + " -> " + right.name());
                }
            }
        }
        if (found.isEmpty()) {
            throw new InvalidArgumentException("Cannot find a foreign key between " + tables(left).stream()
                    .map(TableReference::name).toList() + " and " + right.name() + " to join on; give the ON clause,"
                    + " e.g. join(" + right.name() + ", a.c(\"x\").eq(b.c(\"y\")))");
        }
        if (found.size() > 1) {
            throw new InvalidArgumentException("More than one foreign key could join " + right.name() + ": "
                    + described + "; give the ON clause explicitly");
        }
        return found.get(0);
    }

    private static Predicate on(TableReference referring, List<String> columns, TableReference referred,
            List<String> referredColumns) {
        if (columns.isEmpty()) {
            throw new InvalidArgumentException("A foreign key of " + referring.name() + " to " + referred.name()
                    + " names no columns, so it cannot join them; give the ON clause explicitly");
        }
        Predicate on = referring.columnReference(columns.get(0)).eq(referred.columnReference(referredColumns.get(0)));
        for (int i = 1; i < columns.size(); i++) {
            on = on.and(referring.columnReference(columns.get(i)).eq(referred.columnReference(referredColumns.get(i))));
        }
        return on;
    }

    /** The left side. */
    public FromClause left() {
        return left;
    }

    /** The joined table, or a nested join: {@code a LEFT OUTER JOIN (b JOIN c ON ...) ON ...}. */
    public FromClause right() {
        return right;
    }

    /** The ON clause, given or inferred. */
    public Predicate onClause() {
        return onClause;
    }

    /** The kind of join. */
    public Kind kind() {
        return kind;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitJoin(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Join && ((Join) other).left.equals(left) && ((Join) other).right.equals(right)
                && ((Join) other).onClause.equals(onClause) && ((Join) other).kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(left, right, onClause, kind);
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
