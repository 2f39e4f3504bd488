package io.retort.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Chooses a named database: {@code @Inject @Database("reporting") Session session;} is a Session on the engine
 * configured by the {@code retort."reporting".*} keys, with the mapped classes of the packages listed in
 * {@code retort."reporting".packages}. Without the qualifier, beans use the default database ({@code retort.*}).
 *
 * <p>Qualifies the {@code Engine}, {@code Session}, {@code SessionFactory}, {@code Registry} and {@code MetaData}
 * beans of that database.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Database {

    /** The database's name, as written between the quotes of its configuration keys. */
    String value();

    /** An instance of the qualifier, for programmatic lookup: {@code instance.select(Database.Literal.of("x"))}. */
    final class Literal extends AnnotationLiteral<Database> implements Database {
        private static final long serialVersionUID = 1L;

        /** The database's name. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /** The qualifier {@code @Database(name)}. */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
