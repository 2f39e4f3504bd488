package io.retort.impl.dialect;

import io.retort.types.SqlType;
import io.retort.types.Types;

/** PostgreSQL's catalog: sequences and enum types in pg_class and pg_type. */
class PostgresqlReflectionQueries extends ReflectionQueries {

    PostgresqlReflectionQueries(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String sequenceExistsQuery() {
        return "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'S' AND n.nspname = current_schema() AND c.relname = ?";
    }

    @Override
    public String enumTypeExistsQuery() {
        return "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype = 'e' AND n.nspname = current_schema() AND t.typname = ?";
    }

    @Override
    protected SqlType<?> reflectTypeByName(String name, int size, int scale) {
        return name.equals("bool") ? Types.BOOLEAN : super.reflectTypeByName(name, size, scale);
    }
}
