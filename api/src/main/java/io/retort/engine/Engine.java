package io.retort.engine;

import io.retort.schema.MetaData;
import io.retort.schema.SchemaExecutor;
import io.retort.spi.CoreProvider;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The starting point of Retort: a source of connections to one database, with a pool.
 *
 * <pre>{@code
 * Engine engine = Engine.create("sqlite:///example.db");
 * try (Connection conn = engine.connect()) {            // commit as you go
 *     conn.execute(text("CREATE TABLE some_table (x int, y int)"));
 *     conn.commit();
 * }
 * engine.begin(conn ->                                  // begin once
 *     conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), Map.of("x", 6, "y", 8)));
 * }</pre>
 *
 * <p>An engine is made once per database and shared by the whole application; it is thread-safe. URLs follow
 * SQLAlchemy ({@link DatabaseUrl}): {@code sqlite:///file.db}, {@code sqlite://} (in memory),
 * {@code postgresql://user:pw@host/db}, {@code mariadb://...}, {@code mysql+pymysql://...}, {@code h2:mem:name},
 * or a {@code jdbc:} URL. An in-memory database (SQLite or H2) lives as long as its engine, across
 * {@link #connect()} calls.
 */
public interface Engine extends AutoCloseable, SchemaExecutor {

    /** Creates an engine with the default options. See {@link DatabaseUrl} for the URL forms. */
    static Engine create(String url) {
        return create(DatabaseUrl.parse(url), EngineOptions.defaults());
    }

    /** Creates an engine with the given options. */
    static Engine create(String url, EngineOptions options) {
        return create(DatabaseUrl.parse(url), options);
    }

    /** Creates an engine from a parsed URL. */
    static Engine create(DatabaseUrl url, EngineOptions options) {
        return CoreProvider.instance().createEngine(url, options);
    }

    /**
     * Creates an engine on a {@code DataSource} the application or its container owns and pools (a
     * {@code retort.datasource} in CDI): Retort takes connections from it and returns them, but neither pools nor
     * closes it, so the pool options do not apply. {@code dialect} names the database ({@code postgresql},
     * {@code mariadb}, ...); null reads it from the first connection's metadata.
     *
     * @throws io.retort.exception.ConfigurationException if the dialect is unknown, or cannot be told from the
     *         database
     */
    static Engine create(javax.sql.DataSource dataSource, @org.jspecify.annotations.Nullable String dialect,
            EngineOptions options) {
        return CoreProvider.instance().createEngine(dataSource, dialect, options);
    }

    /**
     * Takes a connection from the pool. It begins a transaction on first use; close it (try-with-resources) to give
     * it back, which rolls back whatever was not committed.
     *
     * @throws io.retort.exception.PoolTimeoutException if no connection became free within the pool timeout
     * @throws io.retort.exception.OperationalException if the database cannot be reached
     */
    Connection connect();

    /**
     * "Begin once": runs {@code work} in one transaction on a new connection, commits when it returns, or rolls
     * back and rethrows when it throws; the connection is closed either way.
     */
    void begin(Consumer<Connection> work);

    /** As {@link #begin(Consumer)}, returning the value {@code work} computes. */
    <T extends @Nullable Object> T inTransaction(Function<Connection, T> work);

    /**
     * Creates the tables of {@code metadata} in one transaction ("begin once"); see
     * {@link Connection#createAll(MetaData, boolean)}.
     */
    @Override
    default void createAll(MetaData metadata, boolean checkFirst) {
        begin(conn -> conn.createAll(metadata, checkFirst));
    }

    /** Drops the tables of {@code metadata} in one transaction; see {@link Connection#dropAll(MetaData, boolean)}. */
    @Override
    default void dropAll(MetaData metadata, boolean checkFirst) {
        begin(conn -> conn.dropAll(metadata, checkFirst));
    }

    /** The URL; its {@code toString()} masks the password. */
    DatabaseUrl url();

    /** The dialect's name: {@code sqlite}, {@code h2}, {@code postgresql}, {@code mysql} or {@code mariadb}. */
    String dialectName();

    /**
     * Whether the database has a feature, judged from the server version once the engine has connected.
     */
    boolean supports(Capability capability);

    /** The options the engine was made with. */
    EngineOptions options();

    /** The pool's size, overflow and checked-out count. */
    PoolStatus poolStatus();

    /**
     * Every listener told of this engine's statements and flushes: those of {@link EngineOptions#listeners()} and
     * the engine's own (slow-statement log, metrics, tracing) when switched on. The ORM tells these of its flushes.
     */
    default java.util.List<ExecutionListener> listeners() {
        return options().listeners();
    }

    /**
     * Checks that a connection can be taken from the pool and is valid within {@code timeout}, for a readiness check.
     * Never throws for an unreachable database: the answer says why.
     *
     * @param timeout how long the check may take in all
     * @return whether the database answered, why not, and the pool's figures
     */
    ConnectionCheck check(java.time.Duration timeout);

    /**
     * Closes every pooled connection; the engine stays usable and opens new connections on demand, as SQLAlchemy's
     * {@code Engine.dispose()}. Connections checked out now are closed when they are returned. An in-memory database
     * survives; it ends with {@link #close()}.
     */
    void dispose();

    /** Disposes the pool for good; further {@link #connect()} calls fail. An in-memory database is discarded. */
    @Override
    void close();
}
