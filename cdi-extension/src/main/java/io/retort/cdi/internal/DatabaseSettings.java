package io.retort.cdi.internal;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.EngineOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one database, read from MicroProfile Config by {@link SettingsReader}. Immutable.
 *
 * @param name the database's name; empty for the default database
 * @param url the URL with {@code username} and {@code password} applied, or null when a DataSource is used
 * @param datasource the name of the container's DataSource ({@code retort.datasource}), or null
 * @param options the engine options (echo, pool, connection arguments)
 * @param schemaGeneration what to do to the tables at start
 * @param packages the packages whose mapped classes belong to this database (and their subpackages)
 * @param xa whether, under JTA, connections come from the driver's XADataSource for two-phase commit
 */
public record DatabaseSettings(String name, @Nullable DatabaseUrl url, @Nullable String datasource,
        EngineOptions options, SchemaGeneration schemaGeneration, List<String> packages, boolean xa) {

    /** The settings. */
    public DatabaseSettings {
        packages = List.copyOf(packages);
    }

    /** Whether these are the default database's settings. */
    public boolean isDefault() {
        return name.isEmpty();
    }

    /** The database as users write it: {@code @Default} or {@code @Database("reporting")}. */
    public String description() {
        return description(name);
    }

    /** {@code @Default} for the empty name, else {@code @Database("name")}. */
    public static String description(String name) {
        return name.isEmpty() ? "@Default" : "@Database(\"" + name + "\")";
    }

    /** The prefix of this database's configuration keys: {@code retort.} or {@code retort."name".}. */
    public String keyPrefix() {
        return keyPrefix(name);
    }

    /** {@code retort.} for the empty name, else {@code retort."name".}. */
    public static String keyPrefix(String name) {
        return name.isEmpty() ? "retort." : "retort.\"" + name + "\".";
    }
}
