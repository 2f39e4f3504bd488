package io.retort.impl.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.retort.engine.StatementEvent;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * An engine's spans: one CLIENT span per statement execution (named by its operation, with {@code db.system.name},
 * {@code db.operation.name}, the sanitized {@code db.query.text} and never a bound value, the batch size of a batch,
 * and the rows changed where the driver tells them), and one INTERNAL span {@code retort.flush} per Session flush
 * that is current while the flush runs, so that its statements' spans are its children. The parent of either is the
 * application's current span. A statement's span lives between the listener calls around the driver call, on the
 * executing thread. Thread-safe.
 */
final class StatementTracing {
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("db.operation.batch.size");
    private static final AttributeKey<Long> ROWS = AttributeKey.longKey("retort.rows_affected");
    private static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey("db.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<Long> FLUSH_OBJECTS = AttributeKey.longKey("retort.flush.objects");

    private final Tracer tracer;
    private final Queries queries;
    private final String system;
    private final ThreadLocal<@Nullable Span> statement = new ThreadLocal<>();
    private final ThreadLocal<Deque<OpenFlush>> flushes = ThreadLocal.withInitial(ArrayDeque::new);

    /** A flush's span and the scope that makes it current. */
    private record OpenFlush(Span span, Scope scope) {
    }

    StatementTracing(OpenTelemetry openTelemetry, String system) {
        this.tracer = openTelemetry.getTracer(Telemetry.SCOPE);
        this.queries = new Queries(system);
        this.system = system;
    }

    void start(StatementEvent event) {
        Queries.Query query = queries.of(event.sql());
        io.opentelemetry.api.trace.SpanBuilder builder = tracer.spanBuilder(query.operation())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(Queries.SYSTEM, system)
                .setAttribute(Queries.OPERATION, query.operation())
                .setAttribute(Queries.QUERY_TEXT, query.sanitized());
        if (event.batch()) {
            builder.setAttribute(BATCH_SIZE, (long) event.parameterSets().size());
        }
        statement.set(builder.startSpan());
    }

    void end(StatementEvent event, @Nullable SQLException failure, long rowCount) {
        Span span = statement.get();
        if (span == null) {
            return;
        }
        statement.set(null);
        if (failure != null) {
            String type = StatementMetrics.errorType(failure);
            span.setAttribute(ERROR_TYPE, type);
            if (failure.getSQLState() != null) {
                span.setAttribute(STATUS_CODE, failure.getSQLState());
            }
            // The driver's message may quote a value (a duplicate key, say): only the SQLSTATE and class go out.
            span.setStatus(StatusCode.ERROR, type);
        } else if (rowCount >= 0) {
            span.setAttribute(ROWS, rowCount);
        }
        span.end();
    }

    // The flush span's scope stays open until endFlush closes it (a try-with-resources would end it at once).
    @SuppressWarnings("MustBeClosedChecker")
    void startFlush() {
        Span span = tracer.spanBuilder("retort.flush").setAttribute(Queries.SYSTEM, system).startSpan();
        flushes.get().push(new OpenFlush(span, span.makeCurrent()));
    }

    void endFlush(int objectsWritten, @Nullable RuntimeException failure) {
        Deque<OpenFlush> open = flushes.get();
        if (open.isEmpty()) {
            return;
        }
        OpenFlush flush = open.pop();
        flush.scope().close();
        Span span = flush.span();
        span.setAttribute(FLUSH_OBJECTS, (long) objectsWritten);
        if (failure != null) {
            span.setAttribute(ERROR_TYPE, failure.getClass().getName());
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }
}
