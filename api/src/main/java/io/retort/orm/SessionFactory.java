package io.retort.orm;

import io.retort.engine.Engine;
import io.retort.spi.RetortProvider;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes sessions with one configuration, as SQLAlchemy's {@code sessionmaker}: create it once per engine and open a
 * session per unit of work. Immutable and thread-safe.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).autoflush(true).expireOnCommit(true).build();
 * try (Session session = sessions.open()) { ... }
 * sessions.inTransaction(session -> session.get(User.class, 1));   // commits, or rolls back on an exception
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    private final boolean autoflush;
    private final boolean expireOnCommit;

    private SessionFactory(Builder builder) {
        this.engine = builder.engine;
        this.autoflush = builder.autoflush;
        this.expireOnCommit = builder.expireOnCommit;
    }

    /** A factory with the default options: autoflush on, objects expired on commit. */
    public static SessionFactory of(Engine engine) {
        return builder(engine).build();
    }

    /** A builder for a factory of sessions on {@code engine}. */
    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** Opens a new session. */
    public Session open() {
        return RetortProvider.instance().openSession(this);
    }

    /**
     * Runs {@code work} in a new session and commits when it returns, or rolls back and rethrows when it throws; the
     * session is closed either way.
     */
    public void begin(java.util.function.Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    /** As {@link #begin}, returning what {@code work} computes. */
    public <T extends @Nullable Object> T inTransaction(java.util.function.Function<Session, T> work) {
        try (Session session = open()) {
            T value = work.apply(session);
            session.commit();
            return value;
        }
    }

    /** The engine sessions take connections from. */
    public Engine engine() {
        return engine;
    }

    /** Whether sessions flush pending changes before queries. */
    public boolean autoflush() {
        return autoflush;
    }

    /**
     * Whether {@code commit()} expires every object of the session, so that the next read of an attribute loads it
     * again from the database in a new transaction (SQLAlchemy's {@code expire_on_commit}).
     */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /** Builds a {@link SessionFactory}. */
    public static final class Builder {
        private final Engine engine;
        private boolean autoflush = true;
        private boolean expireOnCommit = true;

        private Builder(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** Whether to flush pending changes before queries (default true). */
        public Builder autoflush(boolean value) {
            this.autoflush = value;
            return this;
        }

        /**
         * Whether {@code commit()} expires every object (default true, as SQLAlchemy). With {@code false}, objects keep
         * the values they had at commit, and can be read after their session closes (detached) without a
         * {@link io.retort.exception.DetachedInstanceException}; they may then show values another transaction has
         * since changed.
         */
        public Builder expireOnCommit(boolean value) {
            this.expireOnCommit = value;
            return this;
        }

        /** The factory. */
        public SessionFactory build() {
            return new SessionFactory(this);
        }
    }
}
