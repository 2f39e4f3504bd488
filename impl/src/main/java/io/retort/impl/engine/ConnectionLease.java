package io.retort.impl.engine;

import java.lang.ref.Cleaner;
import java.security.CodeSource;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The pooled JDBC connection a {@link DefaultConnection} holds, kept apart from it so that a {@link Cleaner} can
 * give it back when the Connection (or the Session using it) is garbage-collected without {@code close()}: its
 * transaction is rolled back, it goes back to the pool, and a warning names the place it was checked out (with the
 * whole stack when the engine's {@code poolLeakDetection} is on). Without this, a dropped Connection kept its
 * connection "idle in transaction", holding its locks, for as long as the JVM ran.
 *
 * <p>Where the connection was checked out is recorded only with {@code poolLeakDetection} on, as Agroal and HikariCP
 * do: walking the stack at every checkout cost a fifth of a primary-key lookup on a new Session (H2, JFR), for a
 * warning that only a leak ever shows.
 */
final class ConnectionLease implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final @Nullable CodeSource IMPL = codeSource(ConnectionLease.class);
    private static final @Nullable CodeSource API = codeSource(io.retort.engine.Engine.class);
    /** Whether a class is Retort's own or the JDK's, so not the place a user checked a connection out from. */
    private static final ClassValue<Boolean> INTERNAL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                    || name.startsWith("io.retort.cdi.") || name.startsWith("io.retort.jta.")) {
                return true;
            }
            CodeSource source = codeSource(type);
            return source != null && (source.equals(IMPL) || source.equals(API));
        }
    };

    private final DefaultEngine engine;
    private final boolean enlisted;
    private final @Nullable Throwable stack;
    private final Cleaner.Cleanable cleanable;
    private volatile java.sql.@Nullable Connection jdbc;
    private volatile DefaultEngine.@Nullable PoolGeneration generation;
    private volatile boolean released;

    private ConnectionLease(Object owner, DefaultEngine engine, java.sql.Connection jdbc,
            DefaultEngine.PoolGeneration generation, boolean enlisted) {
        this.engine = engine;
        this.enlisted = enlisted;
        this.jdbc = jdbc;
        this.generation = generation;
        this.stack = engine.options().poolLeakDetection()
                ? new Throwable("The dropped Connection was checked out here") : null;
        this.cleanable = CLEANER.register(owner, this);
    }

    /** Registers {@code owner}'s JDBC connection, to be given back if {@code owner} is dropped unclosed. */
    static ConnectionLease of(Object owner, DefaultEngine engine, java.sql.Connection jdbc,
            DefaultEngine.PoolGeneration generation, boolean enlisted) {
        return new ConnectionLease(owner, engine, jdbc, generation, enlisted);
    }

    /** The first frame of the checkout's stack outside Retort and the JDK: the place the application checked out. */
    private static String site(Throwable stack, ClassLoader loader) {
        for (StackTraceElement frame : stack.getStackTrace()) {
            Class<?> type;
            try {
                type = Class.forName(frame.getClassName(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return frame.toString(); // not visible from Retort's loader: not Retort's
            }
            if (!INTERNAL.get(type)) {
                return frame.toString();
            }
        }
        return "an unknown place";
    }

    private static @Nullable CodeSource codeSource(Class<?> type) {
        java.security.ProtectionDomain domain = type.getProtectionDomain();
        return domain == null ? null : domain.getCodeSource();
    }

    /** The JDBC connection the owner holds now (another after a reconnect; none after an invalidation). */
    void hold(java.sql.@Nullable Connection now, DefaultEngine.@Nullable PoolGeneration from) {
        jdbc = now;
        generation = from;
    }

    /** The owner was closed and gave its connection back itself. */
    void release() {
        released = true;
        cleanable.clean();
    }

    /** Runs on the Cleaner's thread once the owner is unreachable, unless it was closed. */
    @Override
    public void run() {
        if (released) {
            return;
        }
        java.sql.Connection open = jdbc;
        DefaultEngine.PoolGeneration from = generation;
        try {
            if (open != null) {
                try {
                    if (!enlisted && !open.getAutoCommit()) {
                        open.rollback();
                    }
                    open.close();
                } catch (SQLException | RuntimeException e) {
                    try {
                        open.abort(Runnable::run);
                    } catch (SQLException | RuntimeException ignored) {
                        // Dead already: the pool discards it.
                    }
                }
            }
        } finally {
            engine.connectionClosed(from);
            ClassLoader loader = ConnectionLease.class.getClassLoader();
            String site = stack == null ? "" : ", checked out at " + site(stack, loader) + ",";
            SqlLog.warn("A Connection (or the Session using it) was garbage-collected without close(): its"
                    + " database connection" + site + " " + (open == null ? "had been discarded"
                    : enlisted ? "has been returned to the pool (its JTA transaction decides its work)"
                    : "has been rolled back and returned to the pool") + ". Until the garbage collector found it, it"
                    + " held its transaction and locks. Close every Session and Connection when done"
                    + " (try-with-resources)" + (stack == null ? "; set retort.pool.leak-detection=true"
                    + " (EngineOptions.poolLeakDetection) to record where each is checked out, and log it" : ""),
                    stack);
        }
    }
}
