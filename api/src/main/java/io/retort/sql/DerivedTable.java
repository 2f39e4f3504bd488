package io.retort.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT used as a table in a FROM clause, {@code (SELECT ...) AS name}, made by {@link Select#subquery(String)};
 * its columns are those the SELECT names (label computed ones).
 */
public final class DerivedTable implements TableReference {
    private final String name;
    private final SqlNode body;
    private final Select select;
    private final boolean lateral;
    private final List<DerivedColumn<?>> columns;

    DerivedTable(String name, SqlNode body, Select first, boolean lateral) {
        this.name = Objects.requireNonNull(name, "name");
        this.body = body;
        this.select = first;
        this.lateral = lateral;
        this.columns = DerivedColumns.of(first, this, "subquery");
    }

    /** The query: a {@link Select}, or the {@link CompoundSelect} of {@link CompoundSelect#subquery}. */
    public SqlNode body() {
        return body;
    }

    /** Whether it is LATERAL: its SELECT may refer to the tables before it in the FROM clause. */
    public boolean isLateral() {
        return lateral;
    }

    /** The SELECT, or the first SELECT of a set operation (which names the columns). */
    public Select select() {
        return select;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DerivedColumn<?>> columnReferences() {
        return columns;
    }

    @Override
    public DerivedColumn<?> columnReference(String columnName) {
        return DerivedColumns.find(columns, columnName, "Subquery", name);
    }

    /** The subquery's column, typed as {@code Object} for use in statements. */
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        return (DerivedColumn<Object>) columnReference(columnName);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DerivedTable && ((DerivedTable) other).name.equals(name)
                && ((DerivedTable) other).body.equals(body) && ((DerivedTable) other).lateral == lateral;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + body.hashCode();
    }

    /** This table as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
