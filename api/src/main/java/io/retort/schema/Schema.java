package io.retort.schema;

import io.retort.types.SqlType;
import java.util.List;

/**
 * Static factories for schema definitions; import them statically with the types:
 *
 * <pre>{@code
 * import static io.retort.schema.Schema.*;
 * import static io.retort.types.Types.*;
 * }</pre>
 */
public final class Schema {
    private Schema() {
    }

    /** A column of the given type. */
    public static <T> Column<T> column(String name, SqlType<T> type) {
        return Column.create(name, java.util.Objects.requireNonNull(type, "type"));
    }

    /** A column whose type comes from the column its foreign key refers to ({@code .references("t.c")}). */
    public static Column<Object> column(String name) {
        return Column.create(name, null);
    }

    /** A table-level (possibly composite) primary key. */
    public static PrimaryKeyConstraint primaryKey(String... columns) {
        return new PrimaryKeyConstraint(null, List.of(columns));
    }

    /**
     * A table-level (possibly composite) foreign key:
     * {@code foreignKey(List.of("order_id", "line"), "order_line", List.of("order_id", "line"))}.
     */
    public static ForeignKeyConstraint foreignKey(List<String> columns, String referredTable,
            List<String> referredColumns) {
        return new ForeignKeyConstraint(null, columns, referredTable, referredColumns, ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION);
    }

    /** A table-level UNIQUE constraint over one or more columns. */
    public static UniqueConstraint unique(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    /** A named table-level UNIQUE constraint. */
    public static UniqueConstraint uniqueNamed(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns));
    }

    /** A CHECK constraint with its condition as SQL text. */
    public static CheckConstraint check(String condition) {
        return new CheckConstraint(null, condition);
    }

    /** A named CHECK constraint. */
    public static CheckConstraint checkNamed(String name, String condition) {
        return new CheckConstraint(name, condition);
    }

    /** A (non-unique) index over one or more columns; {@code .asUnique()} makes it unique. */
    public static Index index(String name, String... columns) {
        return new Index(name, false, List.of(columns));
    }
}
