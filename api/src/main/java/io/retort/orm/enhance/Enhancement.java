package io.retort.orm.enhance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a mapped class by {@code retort-enhancer}: the class was enhanced, and these are its mapped fields in the
 * order of their indexes in {@link Enhanced}. A {@code @Mapped} class without it was not enhanced, and the ORM refuses
 * it with the build configuration to add.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Enhancement {
    /** The version of the enhancement contract this class was enhanced for. */
    int CONTRACT = 1;

    /** The contract version the enhancer wrote ({@link #CONTRACT} when it matches this runtime). */
    int contract();

    /** The names of the class's mapped fields, by index. */
    String[] fields();
}
