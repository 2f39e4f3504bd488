package io.retort.orm;

import io.retort.engine.Engine;
import io.retort.orm.spi.OrmProvider;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes sessions with one configuration, as SQLAlchemy's {@code sessionmaker}: create it once per engine and open a
 * session per unit of work. Immutable and thread-safe.
 *
 * <p>Given a {@link Registry}, as SQLAlchemy's {@code registry} of a declarative base, the factory's sessions map
 * exactly its classes: an object or query of another class is refused, naming the class and the registry. Without
 * one, a session maps any {@code @Mapped} class on first use. The CDI extension builds one registry per database
 * and gives it both to the factory and to schema generation and validation.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).registry(Registry.of(User.class, Address.class))
 *         .autoflush(true).expireOnCommit(true).build();
 * try (Session session = sessions.open()) { ... }
 * sessions.inTransaction(session -> session.get(User.class, 1));   // commits, or rolls back on an exception
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private final java.util.List<Registered<?>> entityListeners;
    private final java.util.List<SessionListener> sessionListeners;
    private final @Nullable Registry registry;

    private static final boolean DEFAULT_AUTOFLUSH = true;
    private static final boolean DEFAULT_EXPIRE_ON_COMMIT = true;

    private SessionFactory(Builder builder) {
        this.engine = builder.engine;
        this.registry = builder.registry;
        this.autoflush = builder.autoflush;
        this.expireOnCommit = builder.expireOnCommit;
        this.entityListeners = java.util.List.copyOf(builder.entityListeners);
        this.sessionListeners = java.util.List.copyOf(builder.sessionListeners);
    }

    /** The defaults, without a builder: {@code Session.open(engine)} makes one per session. */
    private SessionFactory(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.registry = null;
        this.autoflush = DEFAULT_AUTOFLUSH;
        this.expireOnCommit = DEFAULT_EXPIRE_ON_COMMIT;
        this.entityListeners = java.util.List.of();
        this.sessionListeners = java.util.List.of();
    }

    /**
     * An {@link EntityListener} with the class whose objects (and subclasses' objects) it listens to.
     *
     * @param type the mapped class
     * @param listener the listener
     * @param <E> the mapped class
     */
    public record Registered<E>(Class<E> type, EntityListener<? super E> listener) {
        /** Checks the arguments. */
        public Registered {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(listener, "listener");
        }
    }

    /** A factory with the default options: autoflush on, objects expired on commit. */
    public static SessionFactory of(Engine engine) {
        return new SessionFactory(engine);
    }

    /** A builder for a factory of sessions on {@code engine}. */
    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** Opens a new session. */
    public Session open() {
        return OrmProvider.instance().openSession(this);
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

    /**
     * The classes the sessions map, or null when they map any {@code @Mapped} class on first use.
     */
    public @Nullable Registry registry() {
        return registry;
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

    /** The entity listeners, in the order registered. */
    public java.util.List<Registered<?>> entityListeners() {
        return entityListeners;
    }

    /** The session listeners, in the order registered. */
    public java.util.List<SessionListener> sessionListeners() {
        return sessionListeners;
    }

    /** Builds a {@link SessionFactory}. */
    public static final class Builder {
        private final Engine engine;
        private boolean autoflush = DEFAULT_AUTOFLUSH;
        private boolean expireOnCommit = DEFAULT_EXPIRE_ON_COMMIT;
        private final java.util.List<Registered<?>> entityListeners = new java.util.ArrayList<>();
        private final java.util.List<SessionListener> sessionListeners = new java.util.ArrayList<>();

        /** Adds a listener to the persistence events of {@code type}'s objects (and its subclasses'). */
        public <E> Builder listener(Class<E> type, EntityListener<? super E> listener) {
            entityListeners.add(new Registered<>(type, listener));
            return this;
        }

        /** Adds a listener to the sessions' flush, commit and rollback. */
        public Builder listener(SessionListener listener) {
            sessionListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }
        private @Nullable Registry registry;

        private Builder(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * The mapped classes of the sessions (default none: any {@code @Mapped} class is mapped on first use). A
         * session refuses an object, a {@code get} or a query of a class outside the registry.
         */
        public Builder registry(Registry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
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
