package io.retort.impl.compiler;

/**
 * A deliberate breach of "the compiler knows nothing of the engine", written fully qualified with no import, for
 * {@code ArchitectureTest} to catch. Test sources only.
 */
public final class ForbiddenUseFixture {
    private ForbiddenUseFixture() {
    }

    static int poolSize(io.retort.impl.engine.PoolSettings settings) {
        return settings.poolSize();
    }
}
