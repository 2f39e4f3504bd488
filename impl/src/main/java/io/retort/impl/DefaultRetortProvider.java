package io.retort.impl;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.impl.engine.DefaultEngine;
import io.retort.impl.pool.AgroalConnectionSource;
import io.retort.spi.RetortProvider;

/** The implementation's entry point, registered as a {@link RetortProvider} service. */
public final class DefaultRetortProvider implements RetortProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultRetortProvider() {
    }

    @Override
    public Engine createEngine(DatabaseUrl url, EngineOptions options) {
        return new DefaultEngine(url, options, AgroalConnectionSource::new);
    }
}
