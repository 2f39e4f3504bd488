/**
 * Retort's implementation: dialects, the engine runtime, the Agroal pool wiring and SQLSTATE translation.
 * Nothing here is API; applications compile against {@code io.retort} only.
 */
module io.retort.impl {
    requires io.retort;
    requires io.agroal.api;
    requires static org.jspecify;
    // Optional: only io.retort.impl.telemetry names these, and it is loaded only when metrics or tracing are on.
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;

    provides io.retort.spi.CoreProvider with io.retort.impl.DefaultCoreProvider;
    provides io.retort.orm.spi.OrmProvider with io.retort.impl.orm.service.DefaultOrmProvider;
    provides io.retort.orm.enhance.AttributeEvents with io.retort.impl.orm.RelationshipEvents;
}
