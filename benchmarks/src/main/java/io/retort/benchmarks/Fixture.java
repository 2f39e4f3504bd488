package io.retort.benchmarks;

import static io.retort.schema.Schema.column;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.LogManager;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark's database and the contender's handle on it: the {@code bench_customer} table, an admin JDBC
 * connection that creates, fills, empties and checks it (outside the timed code), and, for the contender being
 * measured only, a Retort {@link Engine}, a Hibernate {@link SessionFactory} or a jOOQ context. Raw JDBC, Hibernate
 * and jOOQ take connections from an Agroal pool configured as Retort's own (autocommit off), so every contender pays
 * the same pool.
 *
 * <p>Not thread-safe: one per benchmark trial.
 */
public final class Fixture implements AutoCloseable {
    /** The table every scenario uses, as SQLAlchemy's {@code Customer}: id, name, description. */
    public static final String TABLE = "bench_customer";

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream in = Fixture.class.getResourceAsStream("/bench-logging.properties")) {
                if (in != null) {
                    LogManager.getLogManager().readConfiguration(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final Database db;
    final Contender contender;
    final Connection admin;
    final AgroalDataSource dataSource;
    final MetaData metadata = new MetaData();
    /** The Retort Core table. */
    final Table customers = metadata.table(TABLE,
            column("id", INTEGER).primaryKey(),
            column("name", string(255)).notNull(),
            column("description", string(255)));
    /** Each contender's own handle; a fixture made for one contender has only that one's. */
    private @Nullable Engine engine;
    private @Nullable SessionFactory hibernate;
    private @Nullable DSLContext jooq;
    private @Nullable Settings jooqSettings;

    /** jOOQ's view of the table, without generated code. */
    static final org.jooq.Table<?> J_TABLE = DSL.table(DSL.unquotedName(TABLE));
    static final Field<Integer> J_ID = DSL.field(DSL.unquotedName("id"), Integer.class);
    static final Field<String> J_NAME = DSL.field(DSL.unquotedName("name"), String.class);
    static final Field<String> J_DESCRIPTION = DSL.field(DSL.unquotedName("description"), String.class);

    /** Connections in each contender's pool, as Retort's default engine has (pool size 5 plus overflow 10). */
    static final int DEFAULT_POOL = 15;
    /** The sequence of {@link OrmSequenceCustomer}'s keys (increment 1: Retort takes one value per row). */
    static final String ORM_SEQUENCE = "bench_customer_oseq";
    /** The sequence of {@link JpaSequenceCustomer}'s keys (increment 50: Hibernate's pooled optimizer). */
    static final String HIBERNATE_SEQUENCE = "bench_customer_hseq";

    /** Retort's engine (the Core and ORM contenders). */
    Engine engine() {
        return made(engine, "Retort engine");
    }

    /** Replaces Retort's engine (closed by the caller) with one configured otherwise. */
    void useEngine(Engine replacement) {
        engine = replacement;
    }

    /** Hibernate's session factory (the Hibernate contender). */
    SessionFactory hibernate() {
        return made(hibernate, "Hibernate SessionFactory");
    }

    /** jOOQ's context (the jOOQ contender). */
    DSLContext jooq() {
        return made(jooq, "jOOQ DSLContext");
    }

    /** jOOQ's settings (the jOOQ contender). */
    Settings jooqSettings() {
        return made(jooqSettings, "jOOQ Settings");
    }

    private <T> T made(@Nullable T handle, String what) {
        if (handle == null) {
            throw new IllegalStateException("This fixture was made for " + contender + ", which has no " + what
                    + "; ask Fixture for the benchmark's own contender");
        }
        return handle;
    }

    private Fixture(Database db, Contender contender, boolean sequenceKeys, int poolSize) throws SQLException {
        this.db = db;
        this.contender = contender;
        if (db == Database.SQLITE) {
            deleteSqliteFiles();
        }
        Properties credentials = new Properties();
        if (db.user() != null) {
            credentials.setProperty("user", db.user());
        }
        if (db.password() != null) {
            credentials.setProperty("password", db.password());
        }
        this.admin = DriverManager.getConnection(db.jdbcUrl(), credentials);    // also keeps H2's memory database
        admin.setAutoCommit(true);
        try (Statement statement = admin.createStatement()) {
            if (db == Database.POSTGRESQL) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Database.schema());
            }
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute(db.createCustomerTable(TABLE));
            if (db != Database.SQLITE) {
                // The keys of the SEQUENCE contenders (SQLite has no sequences); the table's identity stays the
                // default of the others, and both never run in one iteration.
                statement.execute("DROP SEQUENCE IF EXISTS " + ORM_SEQUENCE);
                statement.execute("DROP SEQUENCE IF EXISTS " + HIBERNATE_SEQUENCE);
                statement.execute("CREATE SEQUENCE " + ORM_SEQUENCE + " START WITH 1 INCREMENT BY 1");
                statement.execute("CREATE SEQUENCE " + HIBERNATE_SEQUENCE + " START WITH 1 INCREMENT BY 50");
            }
        }
        this.dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(poolSize).minSize(0).initialSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(db.jdbcUrl()).autoCommit(false);
                            if (db.user() != null) {
                                factory.principal(new NamePrincipal(db.user()));
                            }
                            if (db.password() != null) {
                                factory.credential(new SimplePassword(db.password()));
                            }
                            return factory;
                        })));
        switch (contender) {
            case CORE:
            case ORM:
                engine = Engine.create(db.retortUrl(), poolSize == DEFAULT_POOL ? EngineOptions.defaults()
                        : EngineOptions.builder().poolSize(poolSize).maxOverflow(0).build());
                break;
            case HIBERNATE:
                hibernate = hibernate(db, dataSource, sequenceKeys);
                break;
            case JOOQ:
                jooqSettings = new Settings().withExecuteLogging(false);
                jooq = DSL.using(dataSource, db.jooqDialect(), jooqSettings);
                break;
            default:
                break;
        }
    }

    /** The fixture of the benchmark JMH is about to run on database {@code dbKey}. */
    static Fixture open(String dbKey, BenchmarkParams params) {
        return open(dbKey, params, DEFAULT_POOL);
    }

    /** A fixture for {@code contender} outside JMH (see {@link CorePaired}). */
    static Fixture forContender(String dbKey, Contender contender) {
        try {
            return new Fixture(Database.of(dbKey), contender, false, DEFAULT_POOL);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up " + dbKey + " for " + contender, e);
        }
    }

    /** As {@link #open(String, BenchmarkParams)}, with {@code poolSize} connections in the contender's pool. */
    static Fixture open(String dbKey, BenchmarkParams params, int poolSize) {
        try {
            return new Fixture(Database.of(dbKey), Contender.ofMethod(params.getBenchmark()),
                    params.getBenchmark().endsWith("_sequence"), poolSize);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up " + dbKey + " for " + params.getBenchmark(), e);
        }
    }

    /**
     * Hibernate on the shared pool. The SEQUENCE entity is mapped only for a benchmark that uses it: reading the
     * sequences' metadata at bootstrap leaves H2's system table locked by a pooled connection's open transaction,
     * which then blocks every identity insert (the fixture's seeding) on another connection.
     */
    private static SessionFactory hibernate(Database db, AgroalDataSource dataSource, boolean sequenceKeys) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 1000)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, false);
        if (db == Database.SQLITE) {
            settings.applySetting(AvailableSettings.DIALECT, db.hibernateDialect());   // not detected by default
        }
        StandardServiceRegistry registry = settings.build();
        MetadataSources sources = new MetadataSources(registry).addAnnotatedClass(JpaCustomer.class);
        if (sequenceKeys) {
            sources.addAnnotatedClass(JpaSequenceCustomer.class);
        }
        return sources.buildMetadata().buildSessionFactory();
    }

    /** The benchmark's names: {@code "customer name 7"}. */
    static String[] names(int rows) {
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            names[i] = "customer name " + i;
        }
        return names;
    }

    /** The benchmark's descriptions: {@code "customer description 7"}. */
    static String[] descriptions(int rows) {
        String[] descriptions = new String[rows];
        for (int i = 0; i < rows; i++) {
            descriptions[i] = "customer description " + i;
        }
        return descriptions;
    }

    /** Fills the table with {@code rows} customers (one JDBC batch, not timed). */
    void seed(int rows) throws SQLException {
        admin.setAutoCommit(false);
        try (PreparedStatement insert = admin.prepareStatement(
                "INSERT INTO " + TABLE + " (name, description) VALUES (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "customer name " + i);
                insert.setString(2, "customer description " + i);
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        admin.commit();
        admin.setAutoCommit(true);
        analyze();
    }

    /** The keys in the table, in key order. */
    List<Integer> ids() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + TABLE + " ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    /** Empties the table and restarts its key. */
    void truncate() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            switch (db) {
                case SQLITE:
                    statement.execute("DELETE FROM " + TABLE);      // rowids restart at 1 in an empty table
                    break;
                case H2:
                    statement.execute("TRUNCATE TABLE " + TABLE + " RESTART IDENTITY");
                    break;
                default:
                    statement.execute("TRUNCATE " + TABLE + " RESTART IDENTITY");
                    break;
            }
        }
        analyze();
    }

    /** Reclaims dead rows and refreshes statistics where the database has them, so runs start alike. */
    void analyze() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            if (db == Database.POSTGRESQL) {
                statement.execute("VACUUM ANALYZE " + TABLE);
            } else if (db == Database.SQLITE) {
                statement.execute("ANALYZE");
            }
        }
    }

    /** Rows in the table. */
    long count() throws SQLException {
        return scalarLong("SELECT count(*) FROM " + TABLE);
    }

    /** Rows whose description is {@code description}. */
    long countDescription(String description) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT count(*) FROM " + TABLE + " WHERE description = ?")) {
            query.setString(1, description);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long scalarLong(String sql) throws SQLException {
        try (Statement statement = admin.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Fails the benchmark when the table does not hold {@code expected} rows. */
    void expectRows(long expected) throws SQLException {
        long actual = count();
        if (actual != expected) {
            throw new IllegalStateException(contender.label() + " on " + db.key() + " left " + actual
                    + " rows in " + TABLE + ", expected " + expected);
        }
    }

    /** Fails the benchmark unless every key is set and distinct. */
    static void expectKeys(List<?> keys, int expected) {
        if (keys.size() != expected || keys.contains(null) || keys.stream().distinct().count() != expected) {
            throw new IllegalStateException("Expected " + expected + " distinct generated keys, got " + keys.size()
                    + (keys.contains(null) ? " with nulls" : ""));
        }
    }

    @Override
    public void close() throws SQLException {
        if (engine != null) {
            engine.close();
        }
        if (hibernate != null) {
            hibernate.close();
        }
        dataSource.close();
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            if (db != Database.SQLITE) {
                statement.execute("DROP SEQUENCE IF EXISTS " + ORM_SEQUENCE);
                statement.execute("DROP SEQUENCE IF EXISTS " + HIBERNATE_SEQUENCE);
            }
            if (db == Database.POSTGRESQL) {
                statement.execute("DROP SCHEMA IF EXISTS " + Database.schema() + " CASCADE");
            }
        }
        admin.close();
        if (db == Database.SQLITE) {
            deleteSqliteFiles();
        }
    }

    private static void deleteSqliteFiles() {
        Path file = Database.sqliteFile();
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-journal"));
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
