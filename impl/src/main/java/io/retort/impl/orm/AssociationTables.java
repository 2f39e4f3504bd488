package io.retort.impl.orm;

import io.retort.exception.MappingException;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.MetaData;
import io.retort.schema.Schema;
import io.retort.schema.Table;
import io.retort.schema.TableElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The association tables of many-to-many relationships, defined by the ORM: {@code secondary = "user_group"} between
 * {@code user_account} (key {@code id}) and {@code groups} (key {@code id}) is
 * {@code user_group (user_account_id, groups_id)}, each column a foreign key to its side and both the primary key. One
 * table per name, shared by the two sides. Thread-safe.
 */
final class AssociationTables {
    private static final ConcurrentHashMap<String, Table> TABLES = new ConcurrentHashMap<>();

    private AssociationTables() {
    }

    /**
     * The association table of that name between two mapped classes.
     *
     * @throws MappingException if the name is already used by an association of other tables
     */
    static Table table(String name, EntityMapper<?> one, EntityMapper<?> other, String where) {
        Table table = TABLES.computeIfAbsent(name, n -> define(n, one, other));
        if (!joins(table, one) || !joins(table, other)) {
            throw new MappingException(where + " names secondary = \"" + name + "\", but that association table"
                    + " already joins other tables (" + referred(table) + "); give this many-to-many its own table");
        }
        return table;
    }

    private static Table define(String name, EntityMapper<?> one, EntityMapper<?> other) {
        List<TableElement> elements = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        for (EntityMapper<?> side : List.of(one, other)) {
            List<String> columns = new ArrayList<>();
            List<String> referred = new ArrayList<>();
            for (Attribute key : side.key()) {
                String column = side.table().name() + "_" + key.column().name();
                columns.add(column);
                referred.add(key.column().name());
                keyColumns.add(column);
                elements.add(Schema.column(column, key.column().type()).notNull());
            }
            elements.add(Schema.foreignKey(columns, side.table().name(), referred));
        }
        elements.add(Schema.primaryKey(keyColumns.toArray(new String[0])));
        return new MetaData().table(name, elements.toArray(new TableElement[0]));
    }

    private static boolean joins(Table table, EntityMapper<?> side) {
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            if (fk.referredTable().equals(side.table().name())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> referred(Table table) {
        List<String> names = new ArrayList<>();
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            names.add(fk.referredTable());
        }
        return names;
    }

    /** The association table's columns that refer to one side, in that side's key order. */
    static List<Column<?>> columnsFor(Table table, EntityMapper<?> side) {
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            if (fk.referredTable().equals(side.table().name())) {
                List<Column<?>> columns = new ArrayList<>();
                for (String column : fk.columns()) {
                    columns.add(table.c(column));
                }
                return columns;
            }
        }
        throw new IllegalStateException("Association table " + table.name() + " does not refer to "
                + side.table().name());
    }
}
