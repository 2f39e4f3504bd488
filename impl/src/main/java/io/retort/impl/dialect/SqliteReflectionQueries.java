package io.retort.impl.dialect;

import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** SQLite's catalog: declared type names, unique constraints as automatic indexes. */
class SqliteReflectionQueries extends ReflectionQueries {

    SqliteReflectionQueries(Dialect dialect) {
        super(dialect);
    }

    /** SQLite keeps unique constraints as automatic indexes; the inspector reads them with PRAGMA index_list. */
    @Override
    public @Nullable String uniqueConstraintsQuery() {
        return null;
    }

    @Override
    public boolean isImplicitIndex(String indexName, List<String> columns, Set<List<String>> foreignKeyColumns) {
        return indexName.startsWith("sqlite_autoindex_");
    }

    /** SQLite's JDBC driver reports most declared types as VARCHAR; read the declared name instead. */
    @Override
    public SqlType<?> reflectType(int jdbcType, String typeName, int size, int scale) {
        String name = typeName.toUpperCase(Locale.ROOT);
        if (name.startsWith("INT")) {
            return Types.INTEGER;
        }
        if (name.startsWith("BIGINT")) {
            return Types.BIGINT;
        }
        if (name.startsWith("SMALLINT")) {
            return Types.SMALLINT;
        }
        if (name.startsWith("BOOLEAN")) {
            return Types.BOOLEAN;
        }
        if (name.startsWith("VARCHAR") || name.startsWith("CHAR")) {
            return size > 0 && size < 2_000_000_000 ? Types.string(size) : Types.STRING;
        }
        if (name.startsWith("TEXT")) {
            return Types.TEXT;
        }
        if (name.startsWith("NUMERIC") || name.startsWith("DECIMAL")) {
            // sqlite-jdbc reports NUMERIC(p, s) with a column size of p + s.
            return size > 0 && size < 1000 ? Types.numeric(size - scale, scale) : Types.NUMERIC;
        }
        if (name.equals("FLOAT") || name.equals("REAL")) {
            return Types.FLOAT;
        }
        if (name.startsWith("DOUBLE")) {
            return Types.DOUBLE;
        }
        if (name.equals("DATE")) {
            return Types.DATE;
        }
        if (name.equals("TIME")) {
            return Types.TIME;
        }
        if (name.startsWith("DATETIME") || name.startsWith("TIMESTAMP")) {
            return Types.DATETIME;
        }
        if (name.startsWith("BLOB")) {
            return Types.BINARY;
        }
        return super.reflectType(jdbcType, typeName, size, scale);
    }
}
