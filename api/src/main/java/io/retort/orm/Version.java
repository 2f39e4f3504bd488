package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the version field used for optimistic locking, as SQLAlchemy's {@code version_id_col}: an integer
 * ({@code int}, {@code Integer}, {@code long}, {@code Long}) set to 1 on INSERT and incremented by every UPDATE. The
 * UPDATE and DELETE of a versioned object add {@code AND version = <the version read>}; when no row matches, another
 * transaction changed or deleted the row first, and the flush fails with a
 * {@link io.retort.exception.StaleDataException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
