package io.retort.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per database, named {@code [sqlite]}, {@code [h2]}, {@code [postgresql]},
 * {@code [mariadb]}. The test may declare parameters of type {@link io.retort.engine.Engine} (an engine with default
 * options on a fresh database), {@link TestDatabase} and {@link TestEngines} (to make more engines with other
 * options). Restrict the databases with {@link OnlyOn}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
}
