package io.retort.cdi.internal;

import io.retort.engine.Engine;
import io.retort.exception.ConfigurationException;
import io.retort.orm.Registry;
import java.util.List;
import java.util.Locale;

/**
 * What {@code retort.schema-generation} does to the mapped classes' tables when the engine starts, as Jakarta
 * Persistence's {@code jakarta.persistence.schema-generation.database.action}.
 */
public enum SchemaGeneration {
    /** Leave the database alone (the default). */
    NONE("none"),
    /** Create the tables that do not exist yet; existing tables are left as they are. */
    CREATE("create"),
    /** Drop the mapped classes' tables (children first), then create them: every start begins empty. */
    DROP_AND_CREATE("drop-and-create"),
    /** Compare the tables with the mappings and fail the start when a table, column, type or nullability differs. */
    VALIDATE("validate");

    private final String value;

    SchemaGeneration(String value) {
        this.value = value;
    }

    /** The value as written in the configuration. */
    public String value() {
        return value;
    }

    /**
     * The mode written as {@code text}, case-insensitively.
     *
     * @throws ConfigurationException naming {@code property} and the accepted values
     */
    public static SchemaGeneration parse(String property, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (SchemaGeneration mode : values()) {
            if (mode.value.equals(wanted)) {
                return mode;
            }
        }
        throw new ConfigurationException(property + " has the invalid value '" + text + "'; accepted values: "
                + String.join(", ", List.of("none", "create", "drop-and-create", "validate")));
    }

    /**
     * Applies the mode to the registry's tables on the engine.
     *
     * @param description names the database in error messages, e.g. {@code @Database("reporting")}
     * @throws ConfigurationException for {@link #VALIDATE} when the database does not match, listing every difference
     */
    public void apply(Engine engine, Registry registry, String description) {
        if (registry.mappedClasses().isEmpty()) {
            return;
        }
        switch (this) {
            case NONE:
                break;
            case CREATE:
                registry.createAll(engine);
                break;
            case DROP_AND_CREATE:
                registry.dropAll(engine);
                registry.createAll(engine);
                break;
            case VALIDATE:
                List<String> differences = SchemaValidator.differences(engine, registry);
                if (!differences.isEmpty()) {
                    throw new ConfigurationException("Schema validation (schema-generation=validate) failed for the "
                            + "database " + description + " (" + engine.url() + "): the tables do not match the "
                            + "mapped classes:\n  - " + String.join("\n  - ", differences)
                            + "\nMigrate the schema, fix the mappings, or use schema-generation=create or "
                            + "drop-and-create.");
                }
                break;
            default:
                throw new IllegalStateException(name());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
