package io.retort.cdi.internal;

/**
 * Tells the build-compatible extension that the portable one runs in the container being started, so that only one
 * of them adds the beans. The portable extension marks the bootstrap thread at the start of
 * {@code BeforeBeanDiscovery} and clears the mark at its end; the build-compatible extension's {@code @Discovery}
 * method, which Weld calls from its own {@code BeforeBeanDiscovery} observer in between, reads it.
 *
 * <p>This stands in for {@code @SkipIfPortableExtensionPresent}, which Weld (a CDI Full container that runs both
 * kinds) takes as "always skip", so that the build-compatible extension can also run in Weld when the portable one is
 * switched off. The mark is set at the start of {@code BeforeBeanDiscovery} and cleared in {@code AfterTypeDiscovery},
 * since Weld runs build-compatible extensions' discovery in a {@code BeforeBeanDiscovery} observer of the lowest
 * priority.
 */
public final class PortableExtensionPresence {
    private static final ThreadLocal<Boolean> STARTING = new ThreadLocal<>();

    private PortableExtensionPresence() {
    }

    /** Marks that the portable extension runs in the container starting on this thread. */
    public static void mark() {
        STARTING.set(Boolean.TRUE);
    }

    /** Clears the mark. */
    public static void clear() {
        STARTING.remove();
    }

    /** Whether the portable extension runs in the container starting on this thread. */
    public static boolean isMarked() {
        return STARTING.get() != null;
    }
}
