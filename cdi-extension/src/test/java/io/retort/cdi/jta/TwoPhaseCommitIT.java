package io.retort.cdi.jta;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.cdi.RetortExtension;
import io.retort.cdi.jta.maria.XaMariaNote;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.testing.TestEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-phase commit across PostgreSQL (an embedded one, with prepared transactions) and MariaDB in Weld SE with
 * Narayana: two named databases with {@code xa=true}, written by one {@code @Transactional} method.
 */
class TwoPhaseCommitIT {
    private static EmbeddedPostgres server;
    private static Config config;
    private static WeldContainer weld;
    private static Engine pg;
    private static Engine maria;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("max_prepared_transactions", "10").start();
        String mariaUrl = TestEnvironment.get(TestEnvironment.MARIADB_URL);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        config = ConfigProviderResolver.instance().getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new io.smallrye.config.PropertiesConfigSource(Map.of(
                        "retort.url", "postgresql://postgres@127.0.0.1:" + server.getPort() + "/postgres",
                        "retort.xa", "true",
                        "retort.schema-generation", "drop-and-create",
                        "retort.\"maria\".url", mariaUrl != null ? mariaUrl : "mariadb://root@127.0.0.1:3306/test",
                        "retort.\"maria\".xa", "true",
                        "retort.\"maria\".schema-generation", "drop-and-create",
                        "retort.\"maria\".packages", XaMariaNote.class.getPackageName()), "test", 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        weld = new Weld("retort-xa").disableDiscovery().property("org.jboss.weld.se.shutdownHook", false)
                .addExtension(new RetortExtension())
                .addExtension(new com.arjuna.ats.jta.cdi.TransactionExtension())
                .addBeanClasses(TwoDatabases.class, XaNote.class, XaMariaNote.class)
                .initialize();
        pg = Engine.create("postgresql://postgres@127.0.0.1:" + server.getPort() + "/postgres");
        maria = Engine.create(mariaUrl != null ? mariaUrl : "mariadb://root@127.0.0.1:3306/test");
    }

    @AfterAll
    static void stop() throws Exception {
        weld.shutdown();
        ConfigProviderResolver.instance().releaseConfig(config);
        try (Connection conn = maria.connect()) {
            conn.execute(text("DROP TABLE IF EXISTS cdi_xa_maria_note"));
            conn.commit();
        }
        pg.close();
        maria.close();
        server.close();
    }

    private static List<Integer> ids(Engine engine, String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT id FROM " + table + " ORDER BY id")).scalars(Integer.class).all();
        }
    }

    @Test
    void bothCommitOrNeither() throws Exception {
        TwoDatabases both = weld.select(TwoDatabases.class).get();
        both.write(1, false);
        assertThat(ids(pg, "cdi_xa_note")).contains(1);
        assertThat(ids(maria, "cdi_xa_maria_note")).contains(1);

        assertThatThrownBy(() -> both.writeAndFail(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> both.write(3, true)).isInstanceOf(jakarta.transaction.RollbackException.class);
        assertThat(ids(pg, "cdi_xa_note")).containsExactly(1);
        assertThat(ids(maria, "cdi_xa_maria_note")).containsExactly(1);
    }
}
