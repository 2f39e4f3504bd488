package io.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mapping problem the processor reports: the message, the element it points at, and no metamodel. */
class MetamodelProcessorErrorsTest {
    @TempDir
    Path root;

    @Test
    void genericFieldTypeIsAnErrorOnTheField() {
        TestCompiler.Result result = compile("com/acme/User.java", String.join("\n",
                "package com.acme;",
                "import io.retort.orm.*;",
                "@Mapped public class User {",
                "    @Id Integer id;",
                "    java.util.List<String> tags;",
                "}"));

        Diagnostic<? extends JavaFileObject> error = result.onlyError();
        assertThat(error.getMessage(Locale.ROOT)).isEqualTo("Field User.tags has type java.util.List<java.lang.String>,"
                + " which has no column type; mark it @Transient to leave it out of the mapping");
        assertThat(error.getLineNumber()).isEqualTo(5);
        assertThat(result.generatedAny("com.acme.User_")).isFalse();
    }

    @Test
    void typeAnnotationsAreLeftOutOfTheTypeName() {
        TestCompiler.Result result = compile("com/acme/User.java", String.join("\n",
                "package com.acme;",
                "import io.retort.orm.*;",
                "import org.jspecify.annotations.Nullable;",
                "@Mapped public class User {",
                "    @Id Integer id;",
                "    java.util.@Nullable Map<String, ? extends @Nullable Number> scores;",
                "}"));

        assertThat(result.errors()).containsExactly("Field User.scores has type java.util.Map<java.lang.String,"
                + " ? extends java.lang.Number>, which has no column type; mark it @Transient to leave it out of the"
                + " mapping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"char initial;", "byte flags;", "Object anything;", "int[] numbers;",
            "java.util.Date when;", "Character letter;"})
    void typesWithoutAColumnTypeAreErrors(String field) {
        TestCompiler.Result result = compile("com/acme/User.java", "package com.acme; @io.retort.orm.Mapped"
                + " public class User { @io.retort.orm.Id Integer id; " + field + " }");

        String name = field.substring(field.indexOf(' ') + 1, field.length() - 1);
        String type = field.substring(0, field.indexOf(' ')).replace("Object", "java.lang.Object")
                .replace("Character", "java.lang.Character");
        assertThat(result.errors()).containsExactly("Field User." + name + " has type " + type + ", which has no"
                + " column type; mark it @Transient to leave it out of the mapping");
    }

    @Test
    void superclassFieldOfATypeVariableIsReportedOnTheMappedClass() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "com/acme/Base.java", "package com.acme; public class Base<K> { @io.retort.orm.Id K id; }",
                "com/acme/User.java", "package com.acme;\n@io.retort.orm.Mapped\npublic class User extends"
                        + " Base<Integer> { String name; }"));

        Diagnostic<? extends JavaFileObject> error = result.onlyError();
        assertThat(error.getMessage(Locale.ROOT)).isEqualTo("Field Base.id has type K, which has no column type;"
                + " mark it @Transient to leave it out of the mapping");
        assertThat(error.getSource().getName()).endsWith("User.java");
    }

    @Test
    void classWithoutIdIsAnError() {
        TestCompiler.Result result = compile("com/acme/User.java",
                "package com.acme; @io.retort.orm.Mapped public class User { Integer id; String name; }");

        assertThat(result.errors()).containsExactly("Class com.acme.User has no primary key: mark its key field (or"
                + " the fields of a composite key) with @Id");
        assertThat(result.generatedAny("com.acme.User_")).isFalse();
    }

    @Test
    void everyProblemOfAClassIsReported() {
        TestCompiler.Result result = compile("com/acme/User.java",
                "package com.acme; @io.retort.orm.Mapped public class User { Object a; Object b; }");

        assertThat(result.errors()).hasSize(3).last().asString().contains("has no primary key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interface Thing { }", "abstract class Thing { @io.retort.orm.Id Integer id; }",
            "enum Thing { A }", "record Thing(@io.retort.orm.Id Integer id) { }", "@interface Thing { }"})
    void onlyConcreteClassesCanBeMapped(String declaration) {
        TestCompiler.Result result = compile("com/acme/Thing.java",
                "package com.acme; @io.retort.orm.Mapped " + declaration);

        assertThat(result.errors()).containsExactly("Class com.acme.Thing cannot be mapped: a mapped class must be a"
                + " concrete, mutable class (not an interface, abstract class, enum or record)");
        assertThat(result.generatedAny("com.acme.Thing_")).isFalse();
    }

    @Test
    void fieldHidingASuperclassFieldIsAnError() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "com/acme/Base.java", "package com.acme; public class Base { @io.retort.orm.Id Integer id;"
                        + " String code; }",
                "com/acme/User.java", "package com.acme;\n@io.retort.orm.Mapped public class User extends Base {\n"
                        + "    String code;\n}"));

        Diagnostic<? extends JavaFileObject> error = result.onlyError();
        assertThat(error.getMessage(Locale.ROOT)).isEqualTo("Class com.acme.User maps two fields named code:"
                + " Base.code and User.code; rename one of them, or mark one @Transient to leave it out of the"
                + " mapping");
        assertThat(error.getLineNumber()).isEqualTo(3);
    }

    @Test
    void hiddenSuperclassFieldMarkedTransientIsFine() {
        TestCompiler.Result result = new TestCompiler(root).compile(Map.of(
                "com/acme/Base.java", "package com.acme; public class Base { @io.retort.orm.Transient String code; }",
                "com/acme/User.java", "package com.acme; @io.retort.orm.Mapped public class User extends Base {"
                        + " @io.retort.orm.Id String code; }"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("com.acme.User_")).contains("ColumnAttribute<User, String> code");
    }

    @Test
    void innerClassIsAnError() {
        TestCompiler.Result result = compile("com/acme/Outer.java", "package com.acme; public class Outer {"
                + " @io.retort.orm.Mapped public class Inner { @io.retort.orm.Id Integer id; } }");

        assertThat(result.errors()).containsExactly("Class com.acme.Outer.Inner is an inner class; make it a static"
                + " nested or top-level class so the ORM can create instances");
    }

    @Test
    void privateNestedClassIsAnError() {
        TestCompiler.Result result = compile("com/acme/Outer.java", "package com.acme; public class Outer {"
                + " @io.retort.orm.Mapped private static class Inner { @io.retort.orm.Id Integer id; } }");

        assertThat(result.errors()).containsExactly("Class com.acme.Outer.Inner is private (or nested in a private"
                + " class), so its generated metamodel cannot refer to it; make it package-private or wider");
    }

    @Test
    void genericClassIsAnError() {
        TestCompiler.Result result = compile("com/acme/Box.java",
                "package com.acme; @io.retort.orm.Mapped public class Box<T> { @io.retort.orm.Id Integer id; }");

        assertThat(result.errors()).containsExactly("Class com.acme.Box has type parameters; a mapped class cannot"
                + " be generic: map a concrete subclass that fixes the types instead");
    }

    @Test
    void privateEnumTypeIsAnError() {
        TestCompiler.Result result = compile("com/acme/User.java", "package com.acme; @io.retort.orm.Mapped public"
                + " class User { private enum Status { A } @io.retort.orm.Id Integer id; Status status; }");

        assertThat(result.errors()).containsExactly("Field User.status has type com.acme.User.Status, which the"
                + " generated metamodel in package com.acme cannot see; make the type public or package-private in"
                + " com.acme");
    }

    @Test
    void optionTurnsProblemsIntoWarningsAndStillGeneratesNoMetamodel() {
        TestCompiler.Result result = new TestCompiler(root).option("-Aretort.metamodel.invalid=warning").compile(Map.of(
                "com/acme/User.java", "package com.acme; @io.retort.orm.Mapped public class User { String name; }",
                "com/acme/Note.java", "package com.acme; @io.retort.orm.Mapped public class Note {"
                        + " @io.retort.orm.Id Integer id; }"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).containsExactly("Class com.acme.User has no primary key: mark its key field (or"
                + " the fields of a composite key) with @Id");
        assertThat(result.generatedAny("com.acme.User_")).isFalse();
        assertThat(result.generatedAny("com.acme.Note_")).isTrue();
    }

    @Test
    void unknownOptionValueIsAnError() {
        TestCompiler.Result result = new TestCompiler(root).option("-Aretort.metamodel.invalid=ignore").compile(Map.of(
                "com/acme/Note.java", "package com.acme; @io.retort.orm.Mapped public class Note {"
                        + " @io.retort.orm.Id Integer id; }"));

        assertThat(result.errors()).containsExactly("Option -Aretort.metamodel.invalid=ignore is not known; use"
                + " -Aretort.metamodel.invalid=error (the default) or =warning");
    }

    private TestCompiler.Result compile(String path, String source) {
        return new TestCompiler(root).compile(Map.of(path, source));
    }
}
