package io.retort.engine;

import io.retort.exception.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link Engine} connects and pools: the options of SQLAlchemy's {@code create_engine}.
 *
 * <pre>{@code
 * Engine engine = Engine.create("postgresql://user:password@localhost/dbname", EngineOptions.builder()
 *         .poolSize(20)                           // connections kept in the pool
 *         .maxOverflow(30)                        // extra connections allowed under load
 *         .poolTimeout(Duration.ofSeconds(30))    // wait for a free connection at most this long
 *         .poolRecycle(Duration.ofHours(1))       // replace connections older than this
 *         .poolPrePing(true)                      // test a connection before handing it out
 *         .echo(true)                             // log SQL and parameters
 *         .build());
 * }</pre>
 *
 * <p>Immutable; the builder validates every value and names the option in its error.
 */
public final class EngineOptions {
    private static final EngineOptions DEFAULTS = new Builder().build();

    private final boolean echo;
    private final int poolSize;
    private final int maxOverflow;
    private final Duration poolTimeout;
    private final @Nullable Duration poolRecycle;
    private final boolean poolPrePing;
    private final boolean poolLeakDetection;
    private final Duration poolIdleTimeout;
    private final Map<String, String> connectArgs;
    private final @Nullable IsolationLevel isolationLevel;
    private final int compiledCacheSize;
    private final int statementCacheSize;
    private final List<ExecutionListener> listeners;
    private final io.retort.spi.TransactionCoordinator transactionCoordinator;
    private final @Nullable Duration slowStatementThreshold;
    private final NPlusOneMode nPlusOne;
    private final int nPlusOneThreshold;
    private final boolean metrics;
    private final boolean tracing;
    private final @Nullable Object openTelemetry;

    private EngineOptions(Builder builder) {
        this.echo = builder.echo;
        this.poolSize = builder.poolSize;
        this.maxOverflow = builder.maxOverflow;
        this.poolTimeout = builder.poolTimeout;
        this.poolRecycle = builder.poolRecycle;
        this.poolPrePing = builder.poolPrePing;
        this.poolLeakDetection = builder.poolLeakDetection;
        this.poolIdleTimeout = builder.poolIdleTimeout;
        this.connectArgs = Collections.unmodifiableMap(new LinkedHashMap<>(builder.connectArgs));
        this.isolationLevel = builder.isolationLevel;
        this.compiledCacheSize = builder.compiledCacheSize;
        this.statementCacheSize = builder.statementCacheSize;
        this.listeners = List.copyOf(builder.listeners);
        this.transactionCoordinator = builder.transactionCoordinator;
        this.slowStatementThreshold = builder.slowStatementThreshold;
        this.nPlusOne = builder.nPlusOne;
        this.nPlusOneThreshold = builder.nPlusOneThreshold;
        this.metrics = builder.metrics;
        this.tracing = builder.tracing;
        this.openTelemetry = builder.openTelemetry;
    }

    /** The defaults: no echo, pool size 5, overflow 10, timeout 30 s, no recycling, no pre-ping. */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.echo = echo;
        builder.poolSize = poolSize;
        builder.maxOverflow = maxOverflow;
        builder.poolTimeout = poolTimeout;
        builder.poolRecycle = poolRecycle;
        builder.poolPrePing = poolPrePing;
        builder.poolLeakDetection = poolLeakDetection;
        builder.poolIdleTimeout = poolIdleTimeout;
        builder.connectArgs.putAll(connectArgs);
        builder.isolationLevel = isolationLevel;
        builder.compiledCacheSize = compiledCacheSize;
        builder.statementCacheSize = statementCacheSize;
        builder.listeners.addAll(listeners);
        builder.transactionCoordinator = transactionCoordinator;
        builder.slowStatementThreshold = slowStatementThreshold;
        builder.nPlusOne = nPlusOne;
        builder.nPlusOneThreshold = nPlusOneThreshold;
        builder.metrics = metrics;
        builder.tracing = tracing;
        builder.openTelemetry = openTelemetry;
        return builder;
    }

    /** Whether every statement and its parameters are logged at INFO to the {@code io.retort.engine} logger. */
    public boolean echo() {
        return echo;
    }

    /** The number of connections the pool keeps open for reuse. */
    public int poolSize() {
        return poolSize;
    }

    /** How many connections beyond {@link #poolSize()} may be open at once. */
    public int maxOverflow() {
        return maxOverflow;
    }

    /** How long {@link Engine#connect()} waits for a free connection before a {@code PoolTimeoutException}. */
    public Duration poolTimeout() {
        return poolTimeout;
    }

    /** The age after which a pooled connection is closed and replaced, or {@code null} to keep connections. */
    public @Nullable Duration poolRecycle() {
        return poolRecycle;
    }

    /** Whether each connection is tested before it is handed out, replacing a dead one silently. */
    public boolean poolPrePing() {
        return poolPrePing;
    }

    /**
     * Whether each checkout records its whole stack, so that the warning logged when a Connection or Session is
     * garbage-collected without {@code close()} shows where it was taken; without it the warning names the one
     * calling line. Off by default: recording a stack costs microseconds per checkout.
     */
    public boolean poolLeakDetection() {
        return poolLeakDetection;
    }

    /**
     * How long a connection may sit idle in the pool before it is closed (default 10 minutes). This applies to
     * every pooled connection, within {@code poolSize} or beyond it: after a burst the pool keeps up to
     * {@code poolSize + maxOverflow} connections open until they have been idle this long, and an idle engine ends
     * with none open.
     */
    public Duration poolIdleTimeout() {
        return poolIdleTimeout;
    }

    /** Extra JDBC connection properties, added to (and overriding) those from the URL's query string. */
    public Map<String, String> connectArgs() {
        return connectArgs;
    }

    /** The isolation level of every connection, or {@code null} for the database's default. */
    public @Nullable IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    /** How many compiled statements the engine caches. */
    public int compiledCacheSize() {
        return compiledCacheSize;
    }

    /**
     * How many prepared statements are kept open per JDBC connection for reuse (least recently used closed first),
     * where the driver keeps none itself (SQLite); 0 when none are kept.
     */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /** The listeners told of every statement, in registration order. */
    public List<ExecutionListener> listeners() {
        return listeners;
    }

    /** How sessions learn of an external (JTA) transaction; resource-local by default. */
    public io.retort.spi.TransactionCoordinator transactionCoordinator() {
        return transactionCoordinator;
    }

    /** Statements that take at least this long are logged at WARN with the caller's frame; {@code null} for none. */
    public @Nullable Duration slowStatementThreshold() {
        return slowStatementThreshold;
    }

    /** What a repeated statement of one origin (an N+1 pattern) leads to; {@link NPlusOneMode#WARN} by default. */
    public NPlusOneMode nPlusOne() {
        return nPlusOne;
    }

    /** How many runs of one statement shape from one origin are fine; one more is an N+1 pattern (default 20). */
    public int nPlusOneThreshold() {
        return nPlusOneThreshold;
    }

    /** Whether pool and statement metrics are recorded through the OpenTelemetry API (default false). */
    public boolean metrics() {
        return metrics;
    }

    /** Whether every statement and flush is a span through the OpenTelemetry API (default false). */
    public boolean tracing() {
        return tracing;
    }

    /**
     * The {@code io.opentelemetry.api.OpenTelemetry} that metrics and traces go to, or {@code null} for
     * {@code GlobalOpenTelemetry}. Typed {@code Object} so that the API does not need OpenTelemetry on the class path.
     */
    public @Nullable Object openTelemetry() {
        return openTelemetry;
    }

    @Override
    public String toString() {
        return "EngineOptions[echo=" + echo + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow
                + ", poolTimeout=" + poolTimeout + ", poolRecycle=" + poolRecycle + ", poolPrePing=" + poolPrePing
                + ", poolLeakDetection=" + poolLeakDetection + ", poolIdleTimeout=" + poolIdleTimeout
                + ", connectArgs=" + connectArgs.keySet() + ", isolationLevel=" + isolationLevel
                + ", compiledCacheSize=" + compiledCacheSize + ", statementCacheSize=" + statementCacheSize
                + ", listeners=" + listeners.size()
                + ", transactionCoordinator=" + transactionCoordinator + ", slowStatementThreshold="
                + slowStatementThreshold + ", nPlusOne=" + nPlusOne + ", nPlusOneThreshold=" + nPlusOneThreshold
                + ", metrics=" + metrics + ", tracing=" + tracing + "]";
    }

    /** Builds {@link EngineOptions}; each setter validates its value at once. Not thread-safe. */
    public static final class Builder {
        private boolean echo;
        private int poolSize = 5;
        private int maxOverflow = 10;
        private Duration poolTimeout = Duration.ofSeconds(30);
        private @Nullable Duration poolRecycle;
        private boolean poolPrePing;
        private boolean poolLeakDetection;
        private Duration poolIdleTimeout = Duration.ofMinutes(10);
        private final Map<String, String> connectArgs = new LinkedHashMap<>();
        private @Nullable IsolationLevel isolationLevel;
        private int compiledCacheSize = 500;
        private int statementCacheSize = 100;
        private final List<ExecutionListener> listeners = new ArrayList<>();
        private io.retort.spi.TransactionCoordinator transactionCoordinator =
                io.retort.spi.TransactionCoordinator.resourceLocal();
        private @Nullable Duration slowStatementThreshold;
        private NPlusOneMode nPlusOne = NPlusOneMode.WARN;
        private int nPlusOneThreshold = 20;
        private boolean metrics;
        private boolean tracing;
        private @Nullable Object openTelemetry;

        private Builder() {
        }

        /** Log every statement and its parameters at INFO to the {@code io.retort.engine} logger. */
        public Builder echo(boolean value) {
            this.echo = value;
            return this;
        }

        /** Connections kept open in the pool (at least 1; default 5). */
        public Builder poolSize(int value) {
            if (value < 1) {
                throw new ConfigurationException("poolSize must be at least 1, but was " + value);
            }
            this.poolSize = value;
            return this;
        }

        /** Connections allowed beyond the pool size under load (0 or more; default 10). */
        public Builder maxOverflow(int value) {
            if (value < 0) {
                throw new ConfigurationException("maxOverflow must be 0 or more, but was " + value);
            }
            this.maxOverflow = value;
            return this;
        }

        /** How long to wait for a free connection (positive; default 30 s). */
        public Builder poolTimeout(Duration value) {
            Objects.requireNonNull(value, "poolTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException("poolTimeout must be positive, but was " + value);
            }
            this.poolTimeout = value;
            return this;
        }

        /**
         * Replace connections older than this; {@code null}, zero or a negative duration keeps them (the default),
         * as SQLAlchemy's {@code pool_recycle=-1}.
         */
        public Builder poolRecycle(@Nullable Duration value) {
            this.poolRecycle = value == null || value.isNegative() || value.isZero() ? null : value;
            return this;
        }

        /** Test each connection before handing it out (default false). */
        public Builder poolPrePing(boolean value) {
            this.poolPrePing = value;
            return this;
        }

        /**
         * Close a pooled connection once it sat idle this long (default 10 minutes; {@code retort.pool.idle-timeout}).
         *
         * @throws ConfigurationException if it is not positive
         */
        public Builder poolIdleTimeout(Duration value) {
            java.util.Objects.requireNonNull(value, "poolIdleTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new ConfigurationException("poolIdleTimeout must be positive, but was "
                        + value + "; it is how long a pooled connection may sit idle before it is closed");
            }
            this.poolIdleTimeout = value;
            return this;
        }

        /**
         * Record the stack of each checkout, for the warning about a Connection or Session dropped without
         * {@code close()} (default false; {@code retort.pool.leak-detection}).
         */
        public Builder poolLeakDetection(boolean value) {
            this.poolLeakDetection = value;
            return this;
        }

        /** Add a JDBC connection property, e.g. {@code connectArg("sslmode", "require")}. */
        public Builder connectArg(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new ConfigurationException("A connection argument needs a non-blank name");
            }
            this.connectArgs.put(key, Objects.requireNonNull(value, () -> "connectArg " + key));
            return this;
        }

        /** Add JDBC connection properties. */
        public Builder connectArgs(Map<String, String> values) {
            values.forEach(this::connectArg);
            return this;
        }

        /** The isolation level of every connection; {@code null} keeps the database's default. */
        public Builder isolationLevel(@Nullable IsolationLevel value) {
            this.isolationLevel = value;
            return this;
        }

        /** How many compiled statements to cache (0 disables the cache; default 500). */
        public Builder compiledCacheSize(int value) {
            if (value < 0) {
                throw new ConfigurationException("compiledCacheSize must be 0 or more, but was " + value);
            }
            this.compiledCacheSize = value;
            return this;
        }

        /**
         * How many prepared statements to keep open per JDBC connection, for the next execution of the same SQL to
         * skip parsing it (0 keeps none; default 100). Used only where the driver keeps none itself (SQLite parses a
         * statement at every {@code prepareStatement}; pgjdbc, H2 and the MySQL and MariaDB drivers have their own
         * caches) and where the pool lets Retort hold the driver's statements (not inside JTA). The URL query
         * {@code ?statement_cache_size=N} overrides it.
         */
        public Builder statementCacheSize(int value) {
            if (value < 0) {
                throw new ConfigurationException("statementCacheSize must be 0 or more, but was " + value);
            }
            this.statementCacheSize = value;
            return this;
        }

        /** Add a listener told of every statement the engine runs. */
        public Builder addListener(ExecutionListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How sessions of this engine learn of a transaction they do not own: {@code retort-jta}'s coordinator
         * makes them join the current JTA transaction. Resource-local by default.
         */
        public Builder transactionCoordinator(io.retort.spi.TransactionCoordinator value) {
            this.transactionCoordinator = Objects.requireNonNull(value, "transactionCoordinator");
            return this;
        }

        /**
         * Log statements that take at least this long at WARN, with the SQL, the time and the caller's frame;
         * {@code null}, zero or a negative duration logs none (the default).
         */
        public Builder slowStatementThreshold(@Nullable Duration value) {
            this.slowStatementThreshold = value == null || value.isNegative() || value.isZero() ? null : value;
            return this;
        }

        /** What a repeated statement of one origin leads to: OFF, WARN (the default) or RAISE. */
        public Builder nPlusOne(NPlusOneMode value) {
            this.nPlusOne = Objects.requireNonNull(value, "nPlusOne");
            return this;
        }

        /** How many runs of one statement shape from one origin are fine (at least 1; default 20). */
        public Builder nPlusOneThreshold(int value) {
            if (value < 1) {
                throw new ConfigurationException("nPlusOneThreshold must be at least 1, but was " + value);
            }
            this.nPlusOneThreshold = value;
            return this;
        }

        /**
         * Record pool and statement metrics through the OpenTelemetry API ({@code io.opentelemetry:opentelemetry-api}
         * must be on the class path; the engine refuses to start otherwise). Default false.
         */
        public Builder metrics(boolean value) {
            this.metrics = value;
            return this;
        }

        /**
         * Make every statement and flush a span through the OpenTelemetry API ({@code opentelemetry-api} must be on
         * the class path; the engine refuses to start otherwise). Default false.
         */
        public Builder tracing(boolean value) {
            this.tracing = value;
            return this;
        }

        /**
         * The {@code io.opentelemetry.api.OpenTelemetry} for metrics and traces; {@code null} (the default) uses
         * {@code GlobalOpenTelemetry}. Anything else than an {@code OpenTelemetry} fails the engine's start.
         */
        public Builder openTelemetry(@Nullable Object value) {
            this.openTelemetry = value;
            return this;
        }

        /** The options. */
        public EngineOptions build() {
            return new EngineOptions(this);
        }
    }
}
