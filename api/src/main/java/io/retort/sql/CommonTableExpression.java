package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named subquery, {@code WITH name AS (SELECT ...)}, made by {@link Select#cte(String)}; select from it like a
 * table, and the statement gets the WITH clause. A recursive one is made by {@link Select#recursiveCte(String)} and
 * completed with {@link #unionAll(Select)}:
 *
 * <pre>{@code
 * CommonTableExpression tree = select(nodes.c("id"), nodes.c("parent_id")).where(nodes.c("id").eq(1))
 *         .recursiveCte("tree");
 * tree = tree.unionAll(select(nodes.c("id"), nodes.c("parent_id"))
 *         .join(tree, nodes.c("parent_id").eq(tree.c("id"))));
 * select(tree.c("id"))    // WITH RECURSIVE tree(id, parent_id) AS (... UNION ALL ...) SELECT tree.id FROM tree
 * }</pre>
 */
public final class CommonTableExpression implements TableReference {
    private final String name;
    private final SqlNode body;
    private final Select anchor;
    private final boolean recursive;
    private final List<DerivedColumn<?>> columns;

    CommonTableExpression(String name, Select anchor, SqlNode body, boolean recursive) {
        this.name = Objects.requireNonNull(name, "name");
        this.anchor = anchor;
        this.body = body;
        this.recursive = recursive;
        this.columns = DerivedColumns.of(anchor, this, "CTE");
    }

    /** A CTE whose body is an INSERT, UPDATE or DELETE with RETURNING; its columns are those returned. */
    static CommonTableExpression ofDml(String name, SqlNode statement, List<Expression<?>> returning) {
        if (returning.isEmpty()) {
            throw new InvalidArgumentException("A CTE of a data-modifying statement (" + name + ") needs RETURNING"
                    + " columns to select from; add returning(...) before cte(\"" + name + "\")");
        }
        return new CommonTableExpression(name, Select.of(returning), statement, false);
    }

    /**
     * The recursive CTE completed with its recursive part: {@code anchor UNION ALL recursivePart}.
     *
     * @throws InvalidArgumentException if this CTE was not made by {@link Select#recursiveCte}
     */
    public CommonTableExpression unionAll(Select recursivePart) {
        if (!recursive) {
            throw new InvalidArgumentException("CTE " + name + " is not recursive; make it with recursiveCte(\""
                    + name + "\")");
        }
        return new CommonTableExpression(name, anchor, anchor.unionAll(recursivePart), true);
    }

    /**
     * The recursive CTE completed with its recursive part, duplicates removed: {@code anchor UNION recursivePart}
     * (a recursion over a graph with cycles ends once no new row appears).
     *
     * @throws InvalidArgumentException if this CTE was not made by {@link Select#recursiveCte}
     */
    public CommonTableExpression union(Select recursivePart) {
        if (!recursive) {
            throw new InvalidArgumentException("CTE " + name + " is not recursive; make it with recursiveCte(\""
                    + name + "\")");
        }
        return new CommonTableExpression(name, anchor, anchor.union(recursivePart), true);
    }

    /** The CTE's name. */
    @Override
    public String name() {
        return name;
    }

    /** The SELECT (or UNION, for a recursive CTE) that defines it. */
    public SqlNode body() {
        return body;
    }

    /** Whether it is WITH RECURSIVE. */
    public boolean isRecursive() {
        return recursive;
    }

    @Override
    public List<DerivedColumn<?>> columnReferences() {
        return columns;
    }

    @Override
    public DerivedColumn<?> columnReference(String columnName) {
        return DerivedColumns.find(columns, columnName, "CTE", name);
    }

    /** The CTE's column, typed as {@code Object} for use in statements. */
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        return (DerivedColumn<Object>) columnReference(columnName);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CommonTableExpression && ((CommonTableExpression) other).name.equals(name)
                && ((CommonTableExpression) other).body.equals(body)
                && ((CommonTableExpression) other).recursive == recursive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, body, recursive);
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
