package io.retort.spi;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import io.retort.schema.MetaData;
import io.retort.sql.CompiledSql;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Retort Core's implementation, found with {@link ServiceLoader}: engines, DDL without a database, and the compiler
 * behind {@link io.retort.sql.Sql#compile} and every statement's {@code toString()}. {@code retort-impl} registers
 * one. It knows nothing of the ORM, whose implementation is found through {@code io.retort.orm.spi.OrmProvider}.
 *
 * <p>This is the one place Core finds its implementation: {@code Engine.create}, {@code Ddl} and {@code Sql} call
 * {@link #instance()}. That call is the only use of this package from Core's other packages; the layering test
 * ({@code ArchitectureTest}) allows it and nothing else. Implementations are thread-safe.
 */
public interface CoreProvider {

    /** Creates an engine for the URL with the options. */
    Engine createEngine(DatabaseUrl url, EngineOptions options);

    /** Creates an engine on a DataSource someone else owns; see {@link Engine#create(DataSource, String, EngineOptions)}. */
    Engine createEngine(DataSource dataSource, @Nullable String dialect, EngineOptions options);

    /**
     * The DDL that creates ({@code create=true}) or drops everything in {@code metadata} on a dialect, without a
     * database.
     */
    List<String> ddl(MetaData metadata, String dialect, boolean create);

    /** Compiles a statement for a dialect, without a database ({@link io.retort.sql.Sql#compile}). */
    CompiledSql compile(Executable statement, String dialect);

    /** Renders a statement as readable SQL with {@code :name} parameters. */
    String render(Executable statement);

    /** Renders an expression, predicate or FROM item as readable SQL with {@code :name} parameters. */
    String renderNode(SqlNode node);

    /**
     * The provider on the class path or module path.
     *
     * @throws ConfigurationException if none is found, saying which artifact to add
     */
    static CoreProvider instance() {
        return Holder.INSTANCE;
    }

    /** Lazily loads the provider once. */
    final class Holder {
        private static final CoreProvider INSTANCE = load();

        private Holder() {
        }

        private static CoreProvider load() {
            Iterator<CoreProvider> providers = ServiceLoader.load(CoreProvider.class).iterator();
            if (!providers.hasNext()) {
                providers = ServiceLoader.load(CoreProvider.class, CoreProvider.class.getClassLoader()).iterator();
            }
            if (!providers.hasNext()) {
                throw new ConfigurationException("No Retort implementation was found: add the artifact "
                        + "io.retort:retort-impl to the application's run-time class path (or module path)");
            }
            return providers.next();
        }
    }
}
