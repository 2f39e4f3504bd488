package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Mapped} class the base of a mapped class hierarchy, as SQLAlchemy's {@code polymorphic_on} and
 * JPA's {@code @Inheritance}. Put it on the topmost mapped class only; its subclasses are {@code @Mapped} too and
 * name their {@link PolymorphicIdentity}.
 *
 * <pre>{@code
 * @Mapped(table = "employee")
 * @Inheritance(strategy = InheritanceStrategy.JOINED, discriminator = "type",
 *         subclasses = {Engineer.class, Manager.class})
 * @PolymorphicIdentity("employee")
 * public class Employee {
 *     @Id @Nullable Integer id;
 *     String name;
 *     @Nullable String type;           // the discriminator: set by the ORM when the object is flushed
 * }
 *
 * @Mapped(table = "engineer")
 * @PolymorphicIdentity("engineer")
 * public class Engineer extends Employee {
 *     String primaryLanguage;          // in table engineer, whose key id refers to employee.id
 * }
 * }</pre>
 *
 * <p>A query of the base class returns instances of the subclasses, with their columns loaded by the same
 * statement; a query of a subclass returns only its instances (and those of its own subclasses).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {
    /** How the hierarchy's classes map to tables. */
    InheritanceStrategy strategy();

    /**
     * The discriminator: a {@code String} field of this class whose column holds each row's
     * {@link PolymorphicIdentity}. The ORM sets it when the object is flushed.
     */
    String discriminator() default "type";

    /**
     * Every mapped subclass of the hierarchy, at any depth. A query of a class returns the instances of the listed
     * classes below it, so a {@code @Mapped} subclass that is not listed is refused.
     */
    Class<?>[] subclasses() default {};
}
