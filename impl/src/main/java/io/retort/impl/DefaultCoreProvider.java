package io.retort.impl;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.DdlCompiler;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.compiler.StatementCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.impl.engine.DefaultEngine;
import io.retort.impl.pool.AgroalConnectionSource;
import io.retort.schema.MetaData;
import io.retort.spi.CoreProvider;
import io.retort.sql.CompiledSql;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Core's implementation, registered as a {@link CoreProvider} service: engines, DDL without a database, and the
 * compiler behind {@code Sql.compile} and statements' {@code toString()}.
 */
public final class DefaultCoreProvider implements CoreProvider {
    /** The dialect of {@code toString()}: PostgreSQL's, which renders every construct the others do. */
    private static final String DEFAULT_DIALECT = "postgresql";

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultCoreProvider() {
    }

    @Override
    public Engine createEngine(DatabaseUrl url, EngineOptions options) {
        return new DefaultEngine(url, options, AgroalConnectionSource::new);
    }

    @Override
    public Engine createEngine(DataSource dataSource, @Nullable String dialect, EngineOptions options) {
        return DefaultEngine.onDataSource(dataSource, dialect, options);
    }

    @Override
    public List<String> ddl(MetaData metadata, String dialect, boolean create) {
        DdlCompiler compiler = new DdlCompiler(Drivers.dialect(dialect));
        return create ? compiler.createAll(metadata, DdlCompiler.Existing.NOTHING)
                : compiler.dropAll(metadata, DdlCompiler.Existing.EVERYTHING);
    }

    @Override
    public CompiledSql compile(Executable statement, String dialectName) {
        Dialect dialect = Drivers.dialect(dialectName);
        CompiledStatement compiled = new StatementCompiler(dialect).compile(statement);
        List<@Nullable Object> values = statement instanceof SqlNode && !(statement instanceof TextClause)
                ? ExpressionCompiler.collect(dialect, (SqlNode) statement).values() : List.of();
        return new CompiledSql(compiled.sql(), values);
    }

    @Override
    public String render(Executable statement) {
        return named(new StatementCompiler(Drivers.dialect(DEFAULT_DIALECT)).compile(statement));
    }

    @Override
    public String renderNode(SqlNode node) {
        return named(ExpressionCompiler.compile(Drivers.dialect(DEFAULT_DIALECT), node));
    }

    /** The SQL with each {@code ?} replaced by {@code :name}. */
    private static String named(CompiledStatement compiled) {
        StringBuilder text = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < compiled.placeholderOffsets().size(); i++) {
            int offset = compiled.placeholderOffsets().get(i);
            text.append(compiled.sql(), copied, offset).append(':').append(compiled.parameterNames().get(i));
            copied = offset + 1;
        }
        return text.append(compiled.sql().substring(copied)).toString();
    }
}
