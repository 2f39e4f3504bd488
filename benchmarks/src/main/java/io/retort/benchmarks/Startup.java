package io.retort.benchmarks;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.retort.benchmarks.startup.GenerateStartupModel;
import io.retort.benchmarks.startup.StartupResource;
import io.retort.benchmarks.startup.retort.Entity00;
import io.retort.cdi.RetortExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.control.RequestContextController;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.jspecify.annotations.Nullable;

/**
 * Application startup with {@value GenerateStartupModel#CLASSES} mapped classes, from nothing to the first answered
 * query of the first session.
 *
 * <ul>
 *   <li>{@code retort-orm cdi}: Retort as a Jakarta EE app meets it. A Weld SE container with Retort's portable
 *       extension, which finds the classes in {@code retort.packages}, builds their mappings and produces the Engine
 *       and the request-scoped Session; then the first {@code session.get} of an application bean that injects the
 *       Session ({@link StartupResource}).</li>
 *   <li>{@code hibernate bootstrap} (the baseline): Hibernate ORM bootstrapping the same
 *       {@value GenerateStartupModel#CLASSES} entities ({@code MetadataSources} to {@code SessionFactory} on an Agroal
 *       pool), then the first {@code session.find}.</li>
 * </ul>
 *
 * <p>Both pay for their own pool and first connection inside the timed code. The suite runs each in many forks of
 * one measured shot and no warmup, so every shot is the first start in a fresh JVM, class loading included, as a
 * container start is ({@link Scenario#coldStart()}). The model (tables {@code startup_e00} to {@code startup_e49},
 * each with a many-to-one to the one before and a one-to-many to the one after) is {@link GenerateStartupModel}'s.
 * Startup does not depend on the database: it runs on H2 in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Startup {
    static final String STARTUP_ON_H2 = "startup does not depend on the database: measured on H2 in memory";
    private static final String JDBC_URL = "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1";

    @Param({"h2"})
    public String db;

    /** The model's size; fixed by the generated classes. */
    @Param({"50"})
    public int classes;

    private Connection admin;
    private @Nullable WeldContainer container;
    private @Nullable Config config;
    private @Nullable SessionFactory hibernate;
    private @Nullable AgroalDataSource hibernatePool;

    @Setup(Level.Trial)
    public void createTables() throws SQLException {
        if (classes != GenerateStartupModel.CLASSES || Database.of(db) != Database.H2) {
            throw new IllegalArgumentException("Startup runs on h2 with " + GenerateStartupModel.CLASSES
                    + " classes (the generated model), not on " + db + " with " + classes);
        }
        admin = DriverManager.getConnection(JDBC_URL);
        try (Statement statement = admin.createStatement()) {
            for (int i = 0; i < GenerateStartupModel.CLASSES; i++) {
                statement.execute(GenerateStartupModel.createTable(i));
            }
        }
    }

    @TearDown(Level.Invocation)
    public void stop() {
        if (container != null) {
            container.shutdown();
            ConfigProviderResolver.instance().releaseConfig(config);
            container = null;
        }
        if (hibernate != null) {
            hibernate.close();
            if (hibernatePool != null) {
                hibernatePool.close();
            }
            hibernate = null;
        }
    }

    @TearDown(Level.Trial)
    public void dropTables() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        admin.close();
    }

    /**
     * A Weld SE container with {@link RetortExtension}, configured by MicroProfile Config ({@code retort.url},
     * {@code retort.packages}), then the first {@code get} on the request-scoped Session injected in an application
     * bean ({@link StartupResource}).
     */
    @Benchmark
    @NotOn(value = {Database.SQLITE, Database.POSTGRESQL}, reason = STARTUP_ON_H2)
    public void orm_cdi(Blackhole blackhole) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "retort.url", "h2:mem:startup",
                "retort.packages", Entity00.class.getPackageName()), "startup benchmark", 100)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        container = new Weld("retort-startup").disableDiscovery()
                .property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension())
                .addBeanClass(StartupResource.class)
                .initialize();
        RequestContextController request = container.select(RequestContextController.class).get();
        request.activate();
        try {
            blackhole.consume(container.select(StartupResource.class).get().first());
        } finally {
            request.deactivate();
        }
    }

    /**
     * Hibernate ORM's own bootstrap of the same classes on an Agroal pool (autocommit off, as Retort's), then the
     * first {@code find} on a new session.
     */
    @Benchmark
    @NotOn(value = {Database.SQLITE, Database.POSTGRESQL}, reason = STARTUP_ON_H2)
    public void hibernate_bootstrap(Blackhole blackhole) throws SQLException {
        hibernatePool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(15).minSize(0).initialSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(JDBC_URL).autoCommit(false))));
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, hibernatePool)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        MetadataSources sources = new MetadataSources(registry);
        for (int i = 0; i < GenerateStartupModel.CLASSES; i++) {
            try {
                sources.addAnnotatedClass(Class.forName(String.format(java.util.Locale.ROOT,
                        "io.retort.benchmarks.startup.jpa.JpaEntity%02d", i)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The generated startup model is incomplete", e);
            }
        }
        hibernate = sources.buildMetadata().buildSessionFactory();
        try (org.hibernate.Session session = hibernate.openSession()) {
            blackhole.consume(session.find(io.retort.benchmarks.startup.jpa.JpaEntity00.class, 1));
        }
    }
}
