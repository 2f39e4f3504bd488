package io.retort.cdi.internal;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.spi.TransactionCoordinator;
import jakarta.enterprise.context.ContextNotActiveException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Session} bean users inject: a proxy that sends every call to the Session of the current request, and
 * outside any request fails with an error saying what to add (DESIGN.md section 4, the CDI scope rule). A
 * {@link java.lang.reflect.Proxy} rather than a class, so that it forwards every method {@code Session} has.
 */
public final class ContextualSessionHandler implements InvocationHandler {
    private final String description;
    private final Supplier<RequestSessions> requestSessions;
    private final Supplier<SessionFactory> sessions;
    /** Under this key a JTA transaction holds this database's Session. */
    private final Object transactionKey = new Object();

    private ContextualSessionHandler(String description, Supplier<RequestSessions> requestSessions,
            Supplier<SessionFactory> sessions) {
        this.description = description;
        this.requestSessions = requestSessions;
        this.sessions = sessions;
    }

    /**
     * The Session bean of one database.
     *
     * @param description the database, e.g. {@code @Database("reporting")}
     * @param requestSessions gives the client proxy of the request-scoped {@link RequestSessions} bean
     */
    public static Session create(String description, Supplier<RequestSessions> requestSessions,
            Supplier<SessionFactory> sessions) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                new ContextualSessionHandler(description, requestSessions, sessions));
    }

    /** The handler of a Session bean, or null for any other session. */
    public static @Nullable ContextualSessionHandler of(Session session) {
        if (Proxy.isProxyClass(session.getClass())
                && Proxy.getInvocationHandler(session) instanceof ContextualSessionHandler) {
            return (ContextualSessionHandler) Proxy.getInvocationHandler(session);
        }
        return null;
    }

    /**
     * The session calls go to now: inside a JTA transaction the transaction's own (opened on first use, closed when
     * it completes, so a REQUIRES_NEW transaction has a session of its own and a transaction outside any request has
     * one too); else the current request's.
     *
     * @throws InvalidRequestException outside any request and any transaction, saying to add {@code @Transactional}
     *         or activate a request context
     */
    public Session current() {
        SessionFactory factory = sessions.get();
        TransactionCoordinator.ExternalTransaction transaction =
                factory.engine().options().transactionCoordinator().currentTransaction();
        if (transaction != null) {
            Session bound = (Session) transaction.getResource(transactionKey);
            if (bound == null) {
                Session opened = factory.open();
                transaction.putResource(transactionKey, opened);
                transaction.registerSynchronization(new TransactionCoordinator.Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        // Closed now, the session still flushes before the transaction completes (it joined it), and
                        // detaches its objects after, with the values the transaction committed: not expired, so
                        // what a @Transactional method returns stays readable.
                        opened.close();
                    }

                    @Override
                    public void afterCompletion(boolean committed) {
                        opened.close();
                    }
                });
                bound = opened;
            }
            return bound;
        }
        try {
            return requestSessions.get().session();
        } catch (ContextNotActiveException e) {
            throw new InvalidRequestException("The Session " + description + " was used outside any request and"
                    + " outside any JTA transaction, so there is no Session for it to use: add @Transactional to the"
                    + " calling method, or activate a request context (annotate the method @ActivateRequestContext,"
                    + " or use RequestContextController). For work of your own outside requests, open a session with"
                    + " the SessionFactory bean.", e);
        }
    }

    /** Tells the request's holder that its session committed or rolled back, if {@code target} is that session. */
    private void settled(Session target) {
        try {
            RequestSessions holder = requestSessions.get();
            if (holder.openedSession() == target) {
                holder.settled();
            }
        } catch (ContextNotActiveException e) {
            // a transaction's own session, outside any request: nothing to note
        }
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class) {
                    return args != null && proxy == args[0];
                }
                break;
            case "hashCode":
                if (method.getParameterCount() == 0) {
                    return System.identityHashCode(proxy);
                }
                break;
            case "toString":
                if (method.getParameterCount() == 0) {
                    return "Session " + description + " (of the current request)";
                }
                break;
            case "close":
                if (method.getParameterCount() == 0) {
                    throw new InvalidRequestException("The Session " + description + " is managed by the container,"
                            + " which closes it when the request ends; do not close it. For a session of your own,"
                            + " use the SessionFactory bean: sessions.open() or sessions.begin(session -> ...).");
                }
                break;
            default:
                break;
        }
        Session target = current();
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if ((method.getName().equals("commit") || method.getName().equals("rollback"))
                && method.getParameterCount() == 0) {
            settled(target);
        }
        return result;
    }
}
