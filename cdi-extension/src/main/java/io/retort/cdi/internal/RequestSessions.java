package io.retort.cdi.internal;

import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import org.jspecify.annotations.Nullable;

/**
 * The request-scoped bean that holds a request's Session: opened on first use, rolled back (never committed) and
 * closed when the request context ends. Not thread-safe, as a request is not.
 */
public class RequestSessions {
    private static final System.Logger LOG = System.getLogger("io.retort.cdi");

    private @Nullable SessionFactory factory;
    private String description = "";
    private @Nullable Session session;
    /** The write count of this database's engine; null when its engine counts none. */
    private @Nullable WriteTracker writes;
    /** {@link WriteTracker#count()} when the session last settled: opened, committed or rolled back. */
    private long settledWrites;

    /** For the container's client proxy only. */
    protected RequestSessions() {
    }

    /** A holder opening sessions from {@code factory}; {@code description} names the database in messages. */
    public RequestSessions(SessionFactory factory, String description) {
        this.factory = factory;
        this.description = description;
        this.writes = WriteTracker.of(factory.engine());
    }

    private long writeCount() {
        WriteTracker tracker = writes;
        return tracker == null ? 0 : tracker.count();
    }

    /** The request's session, opened now if this is its first use. */
    public Session session() {
        Session current = session;
        if (current == null || current.isClosed()) {
            if (factory == null) {
                throw new IllegalStateException("not a contextual instance");
            }
            current = factory.open();
            session = current;
            settledWrites = writeCount();
        }
        return current;
    }

    /** The request's session if it was opened, else null. */
    public @Nullable Session openedSession() {
        return session;
    }

    /** Notes that the request's session committed or rolled back: writes before this are not pending. */
    public void settled() {
        settledWrites = writeCount();
    }

    /**
     * Ends the request's session: what was not committed is rolled back, never committed, and the session is
     * closed. Unflushed changes, and writes that were flushed but not committed, are reported in a warning, since
     * they are lost.
     */
    public void end() {
        Session current = session;
        session = null;
        if (current == null || current.isClosed()) {
            return;
        }
        try {
            if (current.isActive() && (!current.newObjects().isEmpty() || !current.dirtyObjects().isEmpty()
                    || !current.deletedObjects().isEmpty())) {
                LOG.log(System.Logger.Level.WARNING, "The request ended with changes the Session {0} did not commit:"
                        + " {1} new, {2} changed and {3} deleted objects were discarded and the transaction rolled"
                        + " back. Call session.commit() before the request ends.", description,
                        current.newObjects().size(), current.dirtyObjects().size(), current.deletedObjects().size());
            }
            long writes = writeCount() - settledWrites;
            if (current.isInTransaction() && writes > 0) {
                LOG.log(System.Logger.Level.WARNING, "The request ended while the Session {0} had flushed {1} writing"
                        + " statement(s) that were never committed: they are rolled back. Call session.commit() before"
                        + " the request ends, or make the method @Transactional with retort-jta on the class path.",
                        description, writes);
            }
        } finally {
            current.close();
        }
    }
}
