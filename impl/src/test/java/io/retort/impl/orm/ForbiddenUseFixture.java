package io.retort.impl.orm;

/**
 * A deliberate breach of "the ORM uses Core through the API only", written fully qualified with no import, for
 * {@code ArchitectureTest} to catch. Test sources only.
 */
public final class ForbiddenUseFixture {
    private ForbiddenUseFixture() {
    }

    static String dialect(io.retort.impl.dialect.Dialect dialect) {
        return dialect.toString();
    }
}
