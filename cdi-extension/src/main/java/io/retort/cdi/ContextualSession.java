package io.retort.cdi;

import io.retort.cdi.internal.ContextualSessionHandler;
import io.retort.orm.Session;

/**
 * What the injected {@code Session} is: not a session of its own, but a stand-in that sends every call to the Session
 * of the current request. That session is opened on first use in the request, and at the end of the request rolled
 * back (what was not committed is never committed silently) and closed. Outside any request (and outside any JTA
 * transaction) every call fails with an {@link io.retort.exception.InvalidRequestException} saying to add
 * {@code @Transactional} or activate a request context. Calling {@code close()} on it is an error: the container
 * closes the request's session.
 */
public final class ContextualSession {
    private ContextualSession() {
    }

    /** Whether {@code session} is an injected Session bean rather than a session opened by the application. */
    public static boolean isContextual(Session session) {
        return ContextualSessionHandler.of(session) != null;
    }

    /**
     * The session an injected Session bean sends its calls to now (the current request's), or {@code session} itself
     * when it is not a Session bean. Keep it no longer than the request.
     *
     * @throws io.retort.exception.InvalidRequestException for a Session bean used outside any request
     */
    public static Session current(Session session) {
        ContextualSessionHandler handler = ContextualSessionHandler.of(session);
        return handler == null ? session : handler.current();
    }
}
