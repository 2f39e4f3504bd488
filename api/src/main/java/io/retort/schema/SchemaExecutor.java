package io.retort.schema;

/**
 * Something that can run DDL for a {@link MetaData}: an engine or a connection. {@link MetaData#createAll} and
 * {@link MetaData#dropAll} delegate to it, so the schema layer needs no knowledge of engines.
 */
public interface SchemaExecutor {

    /**
     * Creates the sequences, enum types, tables and indexes of {@code metadata} in foreign-key dependency order.
     *
     * @param checkFirst leave existing tables (and sequences and types) alone instead of failing on them
     */
    void createAll(MetaData metadata, boolean checkFirst);

    /**
     * Drops the tables of {@code metadata} in reverse dependency order, then its sequences and enum types.
     *
     * @param checkFirst skip tables that do not exist instead of failing on them
     */
    void dropAll(MetaData metadata, boolean checkFirst);
}
