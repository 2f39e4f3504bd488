package io.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.enhance.Enhanced;
import io.retort.orm.enhance.Enhancement;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;

/**
 * The transformer Quarkus runs, and the class loader Retort's extension validates with at Quarkus build time, do what
 * {@code byte-buddy-maven-plugin} with retort-enhancer does. This module's test classes are not enhanced by the Maven
 * plugin, so they are the classes as dev mode compiles them.
 */
class EnhancingTest {

    /** A mapped class as compiled. */
    @Mapped(table = "pet")
    static class Pet {
        @Id Integer id;
        @Column(length = 20) String name;

        Pet() {
        }
    }

    /** Code that writes a mapped field of another class. */
    static class Renamer {
        static void rename(Pet pet, String name) {
            pet.name = name;
        }
    }

    /** Code that touches no mapped class. */
    static class Unrelated {
        static int twice(int x) {
            return 2 * x;
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/')
                + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Enhancing enhancing() {
        return new Enhancing(ClassFileLocator.ForClassLoader.of(EnhancingTest.class.getClassLoader()));
    }

    @Test
    void aMappedClassGainsTheEnhancementAndCallSitesCallTheAccessors() throws Exception {
        assertThat(Enhanced.class.isAssignableFrom(Pet.class)).as("the test class as compiled").isFalse();
        byte[] pet = enhancing().apply(Pet.class.getName(), bytes(Pet.class));
        assertThat(text(pet)).contains("$$retort_state", "$$retort_r_name", "$$retort_w_name",
                Enhancement.class.getName().replace('.', '/'));

        byte[] renamer = enhancing().apply(Renamer.class.getName(), bytes(Renamer.class));
        assertThat(text(renamer)).as("the write pet.name = name became an accessor call").contains("$$retort_w_name");

        // (Quarkus hands the transformer only classes that name a mapped class; this one gains nothing either.)
        assertThat(text(enhancing().apply(Unrelated.class.getName(), bytes(Unrelated.class)))).doesNotContain("$$retort");
    }

    @Test
    void enhancingTwiceLeavesTheClassAsEnhancedOnce() throws Exception {
        byte[] once = enhancing().apply(Pet.class.getName(), bytes(Pet.class));
        byte[] twice = enhancing().apply(Pet.class.getName(), once);
        // A second state field or accessor would make the class unloadable (ClassFormatError).
        Class<?> pet = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Pet.class.getName(), twice, 0, twice.length);
            }
        }.define();
        assertThat(Arrays.stream(pet.getDeclaredFields()).filter(f -> f.getName().equals("$$retort_state")))
                .hasSize(1);
        assertThat(Enhanced.class.isAssignableFrom(pet)).isTrue();
    }

    @Test
    void theBuildTimeLoaderDefinesMappedClassesEnhancedAndDelegatesTheRest() throws Exception {
        ClassLoader loader = new EnhancingClassLoader.Provider().enhancingLoader(getClass().getClassLoader());
        Class<?> pet = Class.forName(Pet.class.getName(), false, loader);
        assertThat(pet).isNotSameAs(Pet.class);
        assertThat(Enhanced.class.isAssignableFrom(pet)).isTrue();
        assertThat(pet.getAnnotation(Enhancement.class).fields()).containsExactly("id", "name");
        Method reader = pet.getDeclaredMethod("$$retort_r_name");
        assertThat(reader.getReturnType()).isEqualTo(String.class);
        assertThat(Class.forName(Unrelated.class.getName(), false, loader)).isSameAs(Unrelated.class);
        assertThat(Class.forName(Enhanced.class.getName(), false, loader)).isSameAs(Enhanced.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
