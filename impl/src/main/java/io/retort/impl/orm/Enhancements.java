package io.retort.impl.orm;

import io.retort.exception.MappingException;
import io.retort.orm.enhance.Enhanced;
import io.retort.orm.enhance.Enhancement;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/** Checks that a mapped class was enhanced at build time, and finds its fields' enhanced indexes. */
final class Enhancements {
    /** The build configuration a user adds; the message of an un-enhanced class shows it. */
    static final String MAVEN_PLUGIN = String.join("\n",
            "    <plugin>",
            "      <groupId>net.bytebuddy</groupId>",
            "      <artifactId>byte-buddy-maven-plugin</artifactId>",
            "      <version>1.17.8</version>",
            "      <executions><execution><goals><goal>transform</goal></goals></execution></executions>",
            "      <configuration><transformations><transformation>",
            "        <plugin>io.retort.enhancer.RetortEnhancer</plugin>",
            "        <groupId>io.retort</groupId><artifactId>retort-enhancer</artifactId>"
                    + "<version>${retort.version}</version>",
            "      </transformation></transformations></configuration>",
            "    </plugin>");

    private Enhancements() {
    }

    /**
     * The names of a mapped class's enhanced fields, by index.
     *
     * @throws MappingException if the class was not enhanced (naming it and showing the plugin to add), or was
     *         enhanced for another version of the contract
     */
    static List<String> fieldsOf(Class<?> type) {
        Enhancement enhancement = type.getAnnotation(Enhancement.class);
        if (enhancement == null || !Enhanced.class.isAssignableFrom(type)) {
            throw new MappingException("Class " + type.getName() + " is @Mapped but was not enhanced at build time,"
                    + " so the ORM cannot see reads and writes of its fields (expiry, lazy loading, relationships"
                    + " kept in step). Enhance the classes of its module with retort-enhancer: in Maven, add to"
                    + " <build><plugins>:\n" + MAVEN_PLUGIN + "\n(goal transform-test as well for @Mapped classes"
                    + " among the tests; with Gradle, apply net.bytebuddy.byte-buddy-gradle-plugin with the same"
                    + " plugin class)");
        }
        if (enhancement.contract() != Enhancement.CONTRACT) {
            throw new MappingException("Class " + type.getName() + " was enhanced for version "
                    + enhancement.contract() + " of Retort's enhancement contract, but this retort-impl expects"
                    + " version " + Enhancement.CONTRACT + "; rebuild it with the retort-enhancer of the same"
                    + " Retort version as retort-impl");
        }
        return Arrays.asList(enhancement.fields());
    }

    /** The enhanced index of a mapped field declared by the class. */
    static int indexOf(Class<?> type, List<String> enhanced, Field field) {
        int index = enhanced.indexOf(field.getName());
        if (index < 0) {
            throw new MappingException("Field " + type.getName() + "." + field.getName() + " is mapped, but the"
                    + " enhancer did not instrument it (the class was changed after it was enhanced?); rebuild the"
                    + " module so that retort-enhancer runs again");
        }
        return index;
    }
}
