package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a mapped class that the flush (or a query) calls on an object after its UPDATE, as JPA's lifecycle
 * callbacks and SQLAlchemy's mapper events. The method takes no parameter, or the {@link Session}; it may be private.
 * Methods of mapped superclasses run first. An exception thrown by a before-event aborts the flush: the transaction
 * is rolled back and nothing is written. See {@link EntityListener} for listeners outside the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterUpdate {
}
