package io.retort.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A benchmark variant the suite skips on these databases, because the database or driver cannot do it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotOn {
    /** The databases. */
    Database[] value();

    /** Why, for the report. */
    String reason();
}
