package io.retort.impl;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.impl.compiler.DdlCompiler;
import io.retort.impl.dialect.Drivers;
import io.retort.impl.engine.DefaultEngine;
import io.retort.impl.pool.AgroalConnectionSource;
import io.retort.schema.MetaData;
import io.retort.spi.RetortProvider;
import java.util.List;

/** The implementation's entry point, registered as a {@link RetortProvider} service. */
public final class DefaultRetortProvider implements RetortProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultRetortProvider() {
    }

    @Override
    public Engine createEngine(DatabaseUrl url, EngineOptions options) {
        return new DefaultEngine(url, options, AgroalConnectionSource::new);
    }

    @Override
    public Engine createEngine(javax.sql.DataSource dataSource, @org.jspecify.annotations.Nullable String dialect,
            EngineOptions options) {
        return DefaultEngine.onDataSource(dataSource, dialect, options);
    }

    @Override
    public <E> io.retort.orm.EntityMapping<E> mapping(Class<E> entity) {
        return io.retort.impl.orm.Mappers.of(entity);
    }

    @Override
    public io.retort.orm.Session openSession(io.retort.orm.SessionFactory factory) {
        return new io.retort.impl.orm.DefaultSession(factory);
    }

    @Override
    public String describe(Object ormStatement) {
        return io.retort.impl.orm.Mappers.describe(ormStatement);
    }

    @Override
    public io.retort.orm.InstanceInfo inspect(Object instance) {
        return io.retort.impl.orm.Inspection.inspect(instance);
    }

    @Override
    public List<String> ddl(MetaData metadata, String dialect, boolean create) {
        DdlCompiler compiler = new DdlCompiler(Drivers.dialect(dialect));
        return create ? compiler.createAll(metadata, DdlCompiler.Existing.NOTHING)
                : compiler.dropAll(metadata, DdlCompiler.Existing.EVERYTHING);
    }
}
