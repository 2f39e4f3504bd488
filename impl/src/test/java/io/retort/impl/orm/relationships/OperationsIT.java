package io.retort.impl.orm.relationships;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.NPlusOneMode;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.impl.telemetry.TelemetryFixture;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** N+1 warnings for the ORM's lazy loads, and the span tree and metrics of a flush, on every database. */
class OperationsIT {
    private static final String ADDRESSES_SQL = "SELECT address.id, address.email_address, address.user_id FROM"
            + " address WHERE address.user_id IN (?) ORDER BY address.id";

    private static Registry registry() {
        return Registry.of(User.class, Address.class, Profile.class);
    }

    /** 100 users with 3 addresses each; their ids. */
    private static List<Integer> hundredUsers(Engine engine) {
        List<Integer> ids = new ArrayList<>();
        try (Session session = Session.open(engine)) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                User user = new User("user" + i, null);
                for (int j = 0; j < 3; j++) {
                    user.addresses.add(new Address("u" + i + "." + j + "@x.org"));
                }
                session.add(user);
                users.add(user);
            }
            session.commit();
            users.forEach(user -> ids.add(user.id));
        }
        return ids;
    }

    /** Collects the records of the N+1 logger while open. */
    private static final class Warnings extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("io.retort.orm.nplusone");
        private final List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();

        Warnings() {
            logger.addHandler(this);
        }

        List<String> messages() {
            return records.stream().map(LogRecord::getMessage).collect(Collectors.toList());
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    /**
     * The users one {@code get()} each, so that each user's lazy collection is alone in its load group, then a loop
     * over their addresses: one statement per user.
     */
    private static int addressesOneByOne(Session session, List<Integer> ids) {
        List<User> users = new ArrayList<>();
        for (Integer id : ids) {
            users.add(session.get(User.class, id));
        }
        int addresses = 0;
        for (User user : users) {
            addresses += user.addresses.size();
        }
        return addresses;
    }

    @DatabaseTest
    void aLazyLoadInALoopWarnsOnce(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Warnings warnings = new Warnings()) {
            List<Integer> ids = hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                recorder.clear();
                assertThat(addressesOneByOne(session, ids)).isEqualTo(300);
            }
            assertThat(recorder.sql().stream().filter(ADDRESSES_SQL::equals)).hasSize(100);
            assertThat(warnings.messages()).containsExactly("N+1 statements: the lazy load of User.addresses has run"
                    + " the same statement 21 times on one connection (more than retort.n-plus-one.threshold=20);"
                    + " batch it: load it with the owners' query, e.g."
                    + " select(User.class).options(selectIn(User_.addresses)), or load the owners with one query so"
                    + " that their lazy collections load together\n[SQL: " + ADDRESSES_SQL + "]");
            assertThat(warnings.records.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aLazyLoadInALoopRaisesInStrictMode(TestEngines engines) {
        Engine engine = engines.create(EngineOptions.builder().nPlusOne(NPlusOneMode.RAISE).build());
        Registry registry = registry();
        registry.createAll(engine);
        try (Warnings warnings = new Warnings()) {
            List<Integer> ids = hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                List<User> users = new ArrayList<>();
                for (Integer id : ids) {
                    users.add(session.get(User.class, id));
                }
                for (int i = 0; i < 20; i++) {
                    assertThat(users.get(i).addresses).hasSize(3);
                }
                assertThatThrownBy(() -> users.get(20).addresses.size()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("N+1 statements: the lazy load of User.addresses has run the same"
                                + " statement 21 times on one connection (more than"
                                + " retort.n-plus-one.threshold=20); batch it: load it with the owners' query")
                        .hasMessageEndingWith("[SQL: " + ADDRESSES_SQL + "]\n(retort.n-plus-one=raise makes this an"
                                + " error; set it to warn to log it instead)");
            }
            assertThat(warnings.messages()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void batchedLazyLoadingAndAThresholdAboveTheCountDoNotWarn(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Engine lenient = engines.create(EngineOptions.builder().nPlusOneThreshold(100).build());
        Registry registry = registry();
        registry.createAll(engine);
        try (Warnings warnings = new Warnings()) {
            List<Integer> ids = hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                int addresses = 0;
                for (User user : session.scalars(select(User.class)).all()) {
                    addresses += user.addresses.size(); // the default: all 100 collections in one statement
                }
                assertThat(addresses).isEqualTo(300);
                assertThat(recorder.sql()).hasSize(2);
            }
            try (Session session = Session.open(lenient)) {
                assertThat(addressesOneByOne(session, ids)).isEqualTo(300); // 100 runs: not more than 100
            }
            assertThat(warnings.messages()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aFlushIsOneSpanOverItsStatementsUnderTheApplicationsSpan(TestEngines engines) {
        try (TelemetryFixture telemetry = new TelemetryFixture()) {
            Engine engine = engines.create(EngineOptions.builder().metrics(true).tracing(true)
                    .openTelemetry(telemetry.sdk()).build());
            Registry registry = registry();
            registry.createAll(engine);
            try {
                telemetry.resetSpans();
                Span request = telemetry.sdk().getTracer("test").spanBuilder("request").startSpan();
                try (Scope scope = request.makeCurrent(); Session session = Session.open(engine)) {
                    User user = new User("spongebob", "Spongebob Squarepants");
                    user.addresses.add(new Address("spongebob@sqlalchemy.org"));
                    user.addresses.add(new Address("spongebob@aol.com"));
                    user.addresses.add(new Address("spongebob@gmail.com"));
                    session.add(user);
                    session.commit();
                } finally {
                    request.end();
                }
                List<SpanData> spans = telemetry.spans();
                SpanData flush = spans.stream().filter(s -> s.getName().equals("retort.flush")).findFirst()
                        .orElseThrow();
                assertThat(spans.stream().filter(s -> s.getName().equals("retort.flush"))).hasSize(1);
                assertThat(flush.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
                assertThat(flush.getAttributes().get(AttributeKey.longKey("retort.flush.objects"))).isEqualTo(4L);
                List<SpanData> children = spans.stream()
                        .filter(s -> s.getParentSpanId().equals(flush.getSpanContext().getSpanId())).toList();
                assertThat(children).isNotEmpty().allSatisfy(s -> assertThat(s.getName()).isEqualTo("INSERT"));
                assertThat(children).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("db.query.text")))
                        .allSatisfy(sql -> assertThat(sql).doesNotContain("spongebob"))
                        // H2's INSERT ... RETURNING: SELECT id FROM FINAL TABLE (INSERT ...), a span named INSERT
                        .anySatisfy(sql -> assertThat(StatementRecorder.finalTableInsert(sql))
                                .startsWith("INSERT INTO user_account"))
                        .anySatisfy(sql -> assertThat(StatementRecorder.finalTableInsert(sql))
                                .startsWith("INSERT INTO address"));
                // Every statement of the flush is under it; nothing else is.
                assertThat(spans.stream().filter(s -> s.getName().equals("INSERT"))).hasSameSizeAs(children);

                Map<String, MetricData> metrics = telemetry.metrics();
                assertThat(TelemetryFixture.sum(metrics.get("retort.session.flushes"), null, null)).isEqualTo(1);
                assertThat(metrics.get("retort.session.flush.objects").getHistogramData().getPoints())
                        .singleElement().satisfies(point -> assertThat(point.getSum()).isEqualTo(4.0));
            } finally {
                registry.dropAll(engine);
            }
        }
    }
}
