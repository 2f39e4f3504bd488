package io.retort.impl.orm;

/**
 * The identity-map key of an object: its mapped class and primary key (a value, or a list for a composite key).
 *
 * @param type the mapped class
 * @param identity the primary key
 */
record EntityKey(Class<?> type, Object identity) {
}
