package io.retort.impl.dialect;

import io.retort.schema.ReferentialAction;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** MySQL's and MariaDB's catalog: a schema is a database, InnoDB makes indexes for foreign keys. */
class MySqlReflectionQueries extends ReflectionQueries {

    MySqlReflectionQueries(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String sequenceExistsQuery() {
        return "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'SEQUENCE' AND table_name = ?";
    }

    @Override
    protected String currentSchemaFunction() {
        return "DATABASE()";
    }

    /**
     * InnoDB makes an index for each foreign key no other index starts with, named after the constraint
     * ({@code fk_...}, {@code t_ibfk_1}) or after its first column.
     */
    @Override
    public boolean isImplicitIndex(String indexName, List<String> columns, Set<List<String>> foreignKeyColumns) {
        return indexName.equals("PRIMARY") || foreignKeyColumns.contains(columns) && (indexName.startsWith("fk_")
                || indexName.contains("_ibfk_") || indexName.equals(columns.get(0)));
    }

    @Override
    public SqlType<?> reflectType(int jdbcType, String typeName, int size, int scale) {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("tinyint") && size == 1 || name.equals("bit") && size == 1 || name.equals("boolean")) {
            return Types.BOOLEAN;
        }
        if (name.equals("float")) {
            return Types.FLOAT;
        }
        if (name.equals("longtext") || name.equals("mediumtext")) {
            return Types.TEXT;
        }
        if (name.equals("datetime")) {
            return Types.DATETIME;
        }
        return super.reflectType(jdbcType, typeName, size, scale);
    }

    /** InnoDB reports NO ACTION as RESTRICT; the two behave the same there. */
    @Override
    public ReferentialAction reflectedAction(ReferentialAction reported) {
        return reported == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : reported;
    }
}
