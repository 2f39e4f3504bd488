package io.retort.impl.orm;

/** A collection the ORM puts in a relationship field: it loads on first access and keeps the other side in sync. */
interface TrackedCollection {
    /** The collection's loading and change tracking. */
    CollectionTracking tracking();
}
