package io.retort.engine;

import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.Schema;
import io.retort.schema.Table;
import io.retort.schema.TableElement;
import io.retort.schema.UniqueConstraint;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the schema of a live database, as SQLAlchemy's {@code inspect(engine)}: the tables of the connection's
 * current schema (or database), and each table's columns, keys and indexes. Names come back as the database
 * reports them, except that databases folding unquoted names to upper case (H2) report all-upper-case names in
 * lower case. Obtained from {@link Connection#inspector()}; valid while the connection is open.
 */
public interface Inspector {

    /** The names of the tables, sorted. */
    List<String> tableNames();

    /** Whether a table exists. */
    boolean hasTable(String table);

    /** Whether a table exists in {@code schema} (null: the connection's current schema). */
    default boolean hasTable(@org.jspecify.annotations.Nullable String schema, String table) {
        return schema == null ? hasTable(table) : inSchema(schema).hasTable(table);
    }

    /**
     * This inspector looking at another schema (a database on MySQL and MariaDB), as SQLAlchemy's
     * {@code schema=} argument: {@code conn.inspector().inSchema("reporting").reflectTable(metadata, "daily")}
     * reflects {@code reporting.daily} as a table of that schema. SQLite has no schemas besides {@code main}.
     */
    Inspector inSchema(String schema);

    /** The schema this inspector looks at, or null for the connection's current one. */
    default @org.jspecify.annotations.Nullable String schema() {
        return null;
    }

    /** Whether a sequence exists (always false where the database has none). */
    boolean hasSequence(String sequence);

    /** Whether a user-defined enum type exists (PostgreSQL; false elsewhere). */
    boolean hasEnumType(String type);

    /** The columns of a table, in order. */
    List<ReflectedColumn> columns(String table);

    /** The table's primary key, if it has one. */
    Optional<PrimaryKeyConstraint> primaryKey(String table);

    /** The table's foreign keys. */
    List<ForeignKeyConstraint> foreignKeys(String table);

    /** The table's indexes, without those the database made for its primary key and unique constraints. */
    List<Index> indexes(String table);

    /** The table's unique constraints. */
    List<UniqueConstraint> uniqueConstraints(String table);

    /**
     * Reflects a table of the database into {@code metadata}: its columns with generic types, nullability, server
     * defaults and autoincrement, its primary key, foreign keys, unique constraints and indexes.
     *
     * @return the new table
     * @throws io.retort.exception.InvalidArgumentException if the table does not exist or is already defined
     */
    default Table reflectTable(MetaData metadata, String table) {
        List<TableElement> elements = new ArrayList<>();
        for (ReflectedColumn reflected : columns(table)) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Column<?> column = Schema.column(reflected.name(), (SqlType) reflected.type())
                    .nullable(reflected.nullable());
            if (reflected.serverDefault() != null) {
                column = column.serverDefault(reflected.serverDefault());
            }
            if (reflected.autoincrement()) {
                column = column.autoincrement(true);
            }
            if (reflected.comment() != null) {
                column = column.comment(reflected.comment());
            }
            elements.add(column);
        }
        primaryKey(table).ifPresent(elements::add);
        elements.addAll(foreignKeys(table));
        elements.addAll(uniqueConstraints(table));
        elements.addAll(indexes(table));
        return metadata.table(schema() != null ? schema() : metadata.schema(), table,
                elements.toArray(new TableElement[0]));
    }

    /**
     * Reflects every table of the database that {@code metadata} does not define yet.
     *
     * @return the tables added, sorted by name
     */
    default List<Table> reflect(MetaData metadata) {
        List<Table> added = new ArrayList<>();
        for (String name : tableNames()) {
            if (metadata.tableOrNull(name) == null) {
                added.add(reflectTable(metadata, name));
            }
        }
        return added;
    }
}
