package io.retort.cdi.internal;

import io.retort.engine.Engine;
import io.retort.exception.ConfigurationException;
import io.retort.orm.Registry;
import jakarta.enterprise.inject.Instance;
import java.util.Objects;

/**
 * Makes the engine of one database: from its URL, or on its container DataSource, then applies
 * {@code schema-generation} to its mapped classes' tables. Shared by both extensions' {@code Engine} beans.
 */
public final class EngineStarter {
    private static final System.Logger LOG = System.getLogger("io.retort.cdi");

    private EngineStarter() {
    }

    /**
     * The started engine.
     *
     * @throws ConfigurationException if the DataSource cannot be used, or schema validation fails (the engine is
     *         closed then)
     */
    public static Engine start(DatabaseSettings settings, Registry registry, Instance<Object> lookup) {
        Engine engine;
        io.retort.engine.EngineOptions joined = JtaSupport.apply(settings.options(), settings.xa(), lookup,
                settings.description());
        io.retort.engine.EngineOptions options = joined.toBuilder()
                .addListener(new WriteTracker(joined.transactionCoordinator())).build();
        options = TelemetrySupport.apply(options, lookup);
        if (settings.datasource() != null) {
            String property = settings.keyPrefix() + "datasource";
            DataSourceLookup.Found found = DataSourceLookup.find(property, settings.datasource(), lookup);
            // The container owns and pools the DataSource; the dialect is read from the database.
            engine = Engine.create(found.dataSource(), null, options);
            LOG.log(System.Logger.Level.DEBUG, "Engine {0} runs on {1}", settings.description(), found.source());
        } else {
            engine = Engine.create(Objects.requireNonNull(settings.url(), "url"), options);
        }
        try {
            settings.schemaGeneration().apply(engine, registry, settings.description());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Engine {0} started on {1} (schema-generation={2}, mapped classes {3})",
                settings.description(), engine.url(), settings.schemaGeneration(), registry.mappedClasses());
        return engine;
    }
}
