package io.retort.impl.dialect;

import io.retort.schema.ReferentialAction;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the inspector needs to read one database's catalog beyond JDBC's metadata (SQLAlchemy's reflection methods of
 * a dialect): how names are stored, the catalog queries JDBC has no method for, which indexes the database made
 * itself, and the generic type of a reported column. A dialect makes its own
 * ({@link Dialect#createReflectionQueries()}); subclasses override only what differs. Thread-safe.
 */
public class ReflectionQueries {
    /** The dialect, for its quoting rules. */
    protected final Dialect dialect;

    /** Reflection queries for {@code dialect}. */
    public ReflectionQueries(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The name to show for a name stored in the catalog: databases that fold unquoted names to upper case (H2)
     * store {@code user_account} as {@code USER_ACCOUNT}; their dialect gives it back in lower case.
     */
    public String normalizeName(String stored) {
        return stored;
    }

    /** The name as the catalog stores it, the inverse of {@link #normalizeName}. */
    public String denormalizeName(String name) {
        return name;
    }

    /** The action a reflected foreign key reports, as the generic action it means. */
    public ReferentialAction reflectedAction(ReferentialAction reported) {
        return reported;
    }

    /** A query with one parameter (the stored name) counting sequences of that name, or null without sequences. */
    public @Nullable String sequenceExistsQuery() {
        return null;
    }

    /** A query with one parameter counting enum types of that name, or null where there are none. */
    public @Nullable String enumTypeExistsQuery() {
        return null;
    }

    /**
     * A query listing unique constraints of one table as rows of (constraint name, column name), in column order,
     * with one parameter, the stored table name; null where they are read from the automatic unique indexes
     * (SQLite).
     */
    public @Nullable String uniqueConstraintsQuery() {
        return "SELECT tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name"
                + " AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name"
                + " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_name = ? AND tc.table_schema = "
                + currentSchemaFunction() + " ORDER BY tc.constraint_name, kcu.ordinal_position";
    }

    /** The SQL function giving the current schema, for information_schema queries. */
    protected String currentSchemaFunction() {
        return "current_schema()";
    }

    /** Whether an index reported by JDBC was made by the database for a constraint, and is not the user's. */
    public boolean isImplicitIndex(String indexName, List<String> columns, Set<List<String>> foreignKeyColumns) {
        return false;
    }

    /**
     * The generic type for a column the database describes.
     *
     * @param jdbcType the {@code java.sql.Types} code
     * @param typeName the database's type name
     * @param size the column size (length or precision)
     * @param scale the decimal digits
     */
    public SqlType<?> reflectType(int jdbcType, String typeName, int size, int scale) {
        String name = typeName.toLowerCase(Locale.ROOT);
        switch (jdbcType) {
            case java.sql.Types.INTEGER: return Types.INTEGER;
            case java.sql.Types.SMALLINT: case java.sql.Types.TINYINT: return Types.SMALLINT;
            case java.sql.Types.BIGINT: return Types.BIGINT;
            case java.sql.Types.BOOLEAN: case java.sql.Types.BIT: return Types.BOOLEAN;
            case java.sql.Types.VARCHAR: case java.sql.Types.NVARCHAR: case java.sql.Types.CHAR:
            case java.sql.Types.NCHAR:
                if (name.contains("uuid")) {
                    return Types.UUID;
                }
                return size > 0 && size < 1_000_000 ? Types.string(size) : Types.STRING;
            case java.sql.Types.LONGVARCHAR: case java.sql.Types.LONGNVARCHAR: case java.sql.Types.CLOB:
            case java.sql.Types.NCLOB:
                return Types.TEXT;
            case java.sql.Types.NUMERIC: case java.sql.Types.DECIMAL:
                return size > 0 && size < 1000 ? Types.numeric(size, Math.max(scale, 0)) : Types.NUMERIC;
            case java.sql.Types.REAL: return Types.FLOAT;
            case java.sql.Types.FLOAT: case java.sql.Types.DOUBLE: return Types.DOUBLE;
            case java.sql.Types.DATE: return Types.DATE;
            case java.sql.Types.TIME: return Types.TIME;
            case java.sql.Types.TIMESTAMP: return Types.DATETIME;
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE: return Types.DATETIME_TZ;
            case java.sql.Types.BLOB: case java.sql.Types.BINARY: case java.sql.Types.VARBINARY:
            case java.sql.Types.LONGVARBINARY:
                return Types.BINARY;
            default:
                return reflectTypeByName(name, size, scale);
        }
    }

    /** The generic type for a database type name JDBC gives no standard code for. */
    protected SqlType<?> reflectTypeByName(String name, int size, int scale) {
        if (name.contains("json")) {
            return Types.JSON;
        }
        if (name.contains("uuid")) {
            return Types.UUID;
        }
        if (name.contains("interval")) {
            return Types.INTERVAL;
        }
        if (name.contains("timestamp") && name.contains("zone")) {
            return Types.DATETIME_TZ;
        }
        if (name.contains("text") || name.contains("clob")) {
            return Types.TEXT;
        }
        return Types.STRING;
    }
}
