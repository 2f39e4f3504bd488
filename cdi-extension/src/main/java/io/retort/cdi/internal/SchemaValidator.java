package io.retort.cdi.internal;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Inspector;
import io.retort.engine.ReflectedColumn;
import io.retort.orm.EntityMapping;
import io.retort.orm.Registry;
import io.retort.schema.Column;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a registry's tables with a live database through the {@link Inspector}: every table must exist, and every
 * mapped field's column must exist with a compatible type and the same nullability. Types are compared by family
 * (integers, text, exact and floating numbers, ...), because databases report them more coarsely than Retort maps
 * them: SQLite stores a {@code UUID} as text and MySQL a {@code BOOLEAN} as {@code TINYINT(1)}.
 */
final class SchemaValidator {
    private SchemaValidator() {
    }

    /** The differences, one sentence each naming the table, column, class and field; empty when all match. */
    static List<String> differences(Engine engine, Registry registry) {
        List<String> differences = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            Inspector inspector = conn.inspector();
            for (Class<?> type : registry.mappedClasses()) {
                compare(inspector, registry.mapping(type), differences);
            }
        }
        return differences;
    }

    private static void compare(Inspector inspector, EntityMapping<?> mapping, List<String> differences) {
        String table = mapping.table().name();
        String owner = mapping.entityClass().getName();
        if (!inspector.hasTable(table)) {
            differences.add("table " + table + " (mapped by " + owner + ") does not exist");
            return;
        }
        Map<String, ReflectedColumn> reflected = new LinkedHashMap<>();
        for (ReflectedColumn column : inspector.columns(table)) {
            reflected.put(column.name().toLowerCase(Locale.ROOT), column);
        }
        for (String attribute : mapping.attributeNames()) {
            Column<?> column = mapping.column(attribute);
            String where = "column " + table + "." + column.name() + " (field " + owner + "." + attribute + ")";
            ReflectedColumn actual = reflected.get(column.name().toLowerCase(Locale.ROOT));
            if (actual == null) {
                differences.add(where + " does not exist; the table has " + reflected.keySet());
                continue;
            }
            SqlType<?> wanted = column.type();
            TypeKind actualKind = actual.type().kind();
            if (!compatibleKinds(wanted.kind()).contains(actualKind)) {
                differences.add(where + " is " + actual.databaseType() + " (" + actualKind + ") in the database, but"
                        + " the field needs " + wanted);
            }
            // SQLite reports an INTEGER PRIMARY KEY as nullable; a key column is NOT NULL wherever it matters.
            if (!column.isPrimaryKey() && column.isNullable() != actual.nullable()) {
                differences.add(where + (actual.nullable()
                        ? " accepts NULL in the database, but the field is required (NOT NULL); mark it @Nullable"
                                + " or make the column NOT NULL"
                        : " is NOT NULL in the database, but the field is @Nullable"));
            }
        }
    }

    /** The reflected kinds that hold the values of a mapped kind. */
    static Set<TypeKind> compatibleKinds(TypeKind mapped) {
        switch (mapped) {
            case INTEGER: case SMALLINT: case BIGINT:
                return EnumSet.of(TypeKind.INTEGER, TypeKind.SMALLINT, TypeKind.BIGINT, TypeKind.NUMERIC);
            case BOOLEAN:
                return EnumSet.of(TypeKind.BOOLEAN, TypeKind.SMALLINT, TypeKind.INTEGER);
            case VARCHAR: case TEXT:
                return EnumSet.of(TypeKind.VARCHAR, TypeKind.TEXT);
            case JSON:
                return EnumSet.of(TypeKind.JSON, TypeKind.TEXT, TypeKind.VARCHAR);
            case ENUM:
                return EnumSet.of(TypeKind.ENUM, TypeKind.VARCHAR, TypeKind.TEXT);
            case UUID:
                return EnumSet.of(TypeKind.UUID, TypeKind.VARCHAR, TypeKind.TEXT);
            case NUMERIC: case FLOAT: case DOUBLE:
                return EnumSet.of(TypeKind.NUMERIC, TypeKind.FLOAT, TypeKind.DOUBLE);
            case DATETIME: case DATETIME_TZ:
                return EnumSet.of(TypeKind.DATETIME, TypeKind.DATETIME_TZ);
            default:
                return EnumSet.of(mapped);
        }
    }
}
