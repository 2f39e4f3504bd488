package io.retort.it;

import static io.retort.orm.Orm.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.Database;
import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.model.User;
import io.retort.testing.reporting.Report;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deployment with two databases: the default one on SQLite, and {@code @Database("reporting")} on PostgreSQL
 * with the classes of {@code retort."reporting".packages}. A request writes to both.
 */
@ExtendWith(ArquillianExtension.class)
class TwoDatabasesIT {
    @Inject
    Accounts accounts;

    @Inject
    ReportingDesk desk;

    @Inject
    @Database("reporting")
    Engine reporting;

    @Inject
    @Database("reporting")
    Registry reportingRegistry;

    @Inject
    Registry defaultRegistry;

    @Inject
    Session session;

    @Deployment
    static JavaArchive deployment() {
        return Deployments.archive(Map.of(
                "retort.url", "sqlite:///:memory:",
                "retort.packages", "io.retort.testing.model",
                "retort.schema-generation", "create",
                "retort.\"reporting\".url", Deployments.postgresqlUrl(),
                "retort.\"reporting\".packages", "io.retort.testing.reporting",
                "retort.\"reporting\".schema-generation", "drop-and-create",
                "retort.\"reporting\".pool.size", "2"), Accounts.class, ReportingDesk.class);
    }

    @Test
    void writesToBothDatabases() {
        assertThat(reporting.dialectName()).isEqualTo("postgresql");
        assertThat(accounts.engine().dialectName()).isEqualTo("sqlite");
        assertThat(reportingRegistry.mappedClasses()).containsExactly(Report.class);
        assertThat(defaultRegistry.mappedClasses()).doesNotContain(Report.class).contains(User.class);

        accounts.register("sandy", "Sandy Cheeks", "sandy@example.com");
        desk.file("Quarterly jellyfish census");

        assertThat(session.scalars(select(User.class)).all()).extracting(User::name).containsExactly("sandy");
        assertThat(desk.session().scalars(select(Report.class)).all()).extracting(Report::title)
                .containsExactly("Quarterly jellyfish census");
        // Committed on the server: another engine sees the row.
        try (Engine other = Engine.create(Deployments.postgresqlUrl())) {
            String title = other.inTransaction(conn -> conn.execute(text("SELECT title FROM seed_report"))
                    .scalar(String.class));
            assertThat(title).isEqualTo("Quarterly jellyfish census");
            desk.session().rollback(); // ends the request's read transaction, whose lock would block the DROP
            other.begin(conn -> conn.execute(text("DROP TABLE seed_report")));
        }
    }
}
