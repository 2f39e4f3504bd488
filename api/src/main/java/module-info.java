/**
 * Retort's public API: what an application compiles against.
 *
 * <p>The implementation ({@code retort-impl}) is found at run time through {@link java.util.ServiceLoader}
 * and the {@link io.retort.spi.CoreProvider} and {@link io.retort.orm.spi.OrmProvider} services; this module never
 * depends on it.
 */
module io.retort {
    requires static transitive org.jspecify;
    requires transitive java.sql;

    exports io.retort.engine;
    exports io.retort.exception;
    exports io.retort.sql;
    exports io.retort.schema;
    exports io.retort.orm;
    exports io.retort.orm.enhance;
    exports io.retort.orm.spi;
    exports io.retort.spi;
    exports io.retort.types;

    uses io.retort.spi.CoreProvider;
    uses io.retort.orm.spi.OrmProvider;
    uses io.retort.orm.enhance.AttributeEvents;
}
