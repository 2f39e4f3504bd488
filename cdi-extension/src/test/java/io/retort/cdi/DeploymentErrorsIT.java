package io.retort.cdi;

import static io.retort.cdi.TestContainers.assertStartFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.beans.Accounts;
import io.retort.cdi.beans.DataSources;
import io.retort.cdi.beans.ReportingDesk;
import io.retort.cdi.beans.ReportingReader;
import io.retort.cdi.invalid.NoPrimaryKey;
import io.retort.cdi.invalid.UnmappableField;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import io.retort.testing.reporting.Report;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every configuration error and every mapping error fails the container's start with a message naming the property
 * (and the accepted values) or the class and field, with either extension.
 */
class DeploymentErrorsIT {
    private static final String URL = "sqlite:///:memory:";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingUrl(Kind kind) {
        assertStartFails(kind, Map.of(), Accounts.class)
                .hasStackTraceContaining("The database @Default has no URL: set retort.url")
                .hasStackTraceContaining("or set retort.datasource")
                .hasStackTraceContaining("As an environment variable: RETORT_URL");
    }

    /**
     * Issue 22: a missing URL with {@code retort.packages} set also logged "The mapped classes ... are in the packages
     * of no database", which misled: the packages were set, the database's settings had failed.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingUrlWithPackagesSetWarnsOfNoUnassignedClasses(Kind kind) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.retort.cdi");
        logger.addHandler(handler);
        try {
            assertStartFails(kind, Map.of("retort.packages", "io.retort.testing.model"), User.class, Address.class,
                    Accounts.class)
                    .hasStackTraceContaining("The database @Default has no URL: set retort.url");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).noneMatch(warning -> warning.contains("packages of no database"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingUrlOfANamedDatabase(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL), ReportingReader.class)
                .hasStackTraceContaining("The database @Database(\"reporting\") has no URL: set"
                        + " retort.\"reporting\".url")
                .hasStackTraceContaining("RETORT__REPORTING__URL");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMappedClassInNoNamedDatabasesPackages(Kind kind) {
        assertStartFails(kind, Map.of("retort.\"reporting\".url", URL, "retort.\"reporting\".packages",
                "io.retort.testing.reporting"), User.class, Report.class, ReportingDesk.class)
                .hasStackTraceContaining("The database @Default has no URL: set retort.url")
                .hasStackTraceContaining("It is needed because the mapped classes [io.retort.testing.model.User] are in"
                        + " the packages of no named database");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidNumber(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.pool.size", "many"), Accounts.class)
                .hasStackTraceContaining("retort.pool.size has the invalid value 'many'; expected a whole number of"
                        + " 1 or more");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidSchemaGeneration(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.schema-generation", "update"), Accounts.class)
                .hasStackTraceContaining("retort.schema-generation has the invalid value 'update'; accepted values:"
                        + " none, create, drop-and-create, validate");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidBoolean(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.pool.pre-ping", "sometimes"), Accounts.class)
                .hasStackTraceContaining("retort.pool.pre-ping has the invalid value 'sometimes'; expected true or"
                        + " false");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidDuration(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.pool.timeout", "soon"), Accounts.class)
                .hasStackTraceContaining("retort.pool.timeout has the invalid value 'soon'; expected a number of"
                        + " seconds (30), a number with a unit ms, s, m, h or d (30s, 500ms, 1h), or an ISO-8601"
                        + " duration (PT30S)");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidUrl(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", "no url at all"), Accounts.class)
                .hasStackTraceContaining("retort.url is not a valid database URL: Could not parse database URL");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownDialect(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", "oracle://scott:tiger@localhost/orcl"), Accounts.class)
                .hasStackTraceContaining("Unknown database dialect 'oracle'");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bothUrlAndDataSource(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.datasource", "appDs"), Accounts.class)
                .hasStackTraceContaining("Both retort.url and retort.datasource are set for the database @Default;"
                        + " set only one of them");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInvalidPackageName(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.packages", "io.retort..model"), Accounts.class)
                .hasStackTraceContaining("retort.packages has the invalid value 'io.retort..model'; expected a"
                        + " comma-separated list of Java package names");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyConfigurationErrorAtOnce(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.pool.size", "0", "retort.echo", "loud"),
                Accounts.class)
                .hasStackTraceContaining("retort.pool.size has the invalid value '0'")
                .hasStackTraceContaining("retort.echo has the invalid value 'loud'; expected true or false");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyMappingErrorNamingClassAndField(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL), User.class, Address.class, NoPrimaryKey.class,
                UnmappableField.class, Accounts.class)
                .hasStackTraceContaining("Class io.retort.cdi.invalid.NoPrimaryKey has no primary key")
                .hasStackTraceContaining("Field io.retort.cdi.invalid.UnmappableField.worker has type"
                        + " java.lang.Thread, which has no column type");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mappingErrorsOfClassesFoundInPackages(Kind kind) {
        assertStartFails(kind, Map.of("retort.url", URL, "retort.packages", "io.retort.cdi.invalid"), Accounts.class)
                .hasStackTraceContaining("Class io.retort.cdi.invalid.NoPrimaryKey has no primary key")
                .hasStackTraceContaining("Field io.retort.cdi.invalid.UnmappableField.worker");
    }


    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDataSourceThatIsNowhere(Kind kind) {
        assertStartFails(kind, Map.of("retort.datasource", "jdbc/missing"), Accounts.class)
                .hasStackTraceContaining("retort.datasource=jdbc/missing names no DataSource: there is no DataSource"
                        + " bean @Named(\"jdbc/missing\"); JNDI lookup of jdbc/missing failed")
                .hasStackTraceContaining("JNDI lookup of java:comp/env/jdbc/missing failed");
    }
}
