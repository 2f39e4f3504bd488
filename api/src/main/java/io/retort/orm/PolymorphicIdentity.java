package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the discriminator column for rows of this class in an {@link Inheritance} hierarchy, as SQLAlchemy's
 * {@code polymorphic_identity}. Without it, a class's identity is its simple name. Two classes of one hierarchy
 * cannot share an identity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolymorphicIdentity {
    /** The discriminator value. */
    String value();
}
