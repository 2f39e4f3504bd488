package io.retort.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link DatabaseTest} only on the listed databases (on a method, or on a class for all its tests); use it
 * where a test needs something only some databases have (a server whose connections can be killed, say).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OnlyOn {
    /** The databases to run on. */
    TestDatabase[] value();
}
