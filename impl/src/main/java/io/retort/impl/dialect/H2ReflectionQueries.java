package io.retort.impl.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** H2 stores unquoted names in upper case and makes an index for each key constraint. */
class H2ReflectionQueries extends ReflectionQueries {

    H2ReflectionQueries(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String normalizeName(String stored) {
        String lower = stored.toLowerCase(Locale.ROOT);
        return stored.equals(stored.toUpperCase(Locale.ROOT)) && !dialect.requiresQuotes(lower) ? lower : stored;
    }

    @Override
    public String denormalizeName(String name) {
        return dialect.requiresQuotes(name) ? name : name.toUpperCase(Locale.ROOT);
    }

    @Override
    public String sequenceExistsQuery() {
        return "SELECT count(*) FROM information_schema.sequences WHERE sequence_schema = current_schema()"
                + " AND sequence_name = ?";
    }

    /** H2 makes an index for each foreign key and each unique or primary-key constraint, named after it. */
    @Override
    public boolean isImplicitIndex(String indexName, List<String> columns, Set<List<String>> foreignKeyColumns) {
        return indexName.startsWith("PRIMARY_KEY_") || indexName.matches(".*_INDEX_[0-9A-Z]+")
                || indexName.startsWith("CONSTRAINT_INDEX_");
    }
}
