package io.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Generated} is written only where the mapped class's module can read {@code java.compiler}. */
class GeneratedAnnotationTest {
    private static final String USER = "package com.acme; @io.retort.orm.Mapped public class User {"
            + " @io.retort.orm.Id Integer id; }";

    @TempDir
    Path root;

    @Test
    void namedModuleWithoutJavaCompilerGetsNoGeneratedAnnotation() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "module-info.java", "module com.acme { requires io.retort; }", "com/acme/User.java", USER));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("com.acme.User_")).doesNotContain("Generated(")
                .contains("public final class User_ {");
    }

    @Test
    void namedModuleReadingJavaCompilerGetsTheGeneratedAnnotation() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "module-info.java", "module com.acme { requires io.retort; requires java.compiler; }",
                "com/acme/User.java", USER));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("com.acme.User_"))
                .contains("@Generated(\"io.retort.processor.MetamodelProcessor\")");
    }

    @Test
    void javaCompilerReadThroughRequiresTransitiveCounts() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "module-info.java", "module com.acme { requires io.retort; requires java.se; }",
                "com/acme/User.java", USER));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("com.acme.User_"))
                .contains("@Generated(\"io.retort.processor.MetamodelProcessor\")");
    }
}
