package io.retort.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 2: the CDI and JTA modules reach impl only through the API and its SPI. Checked with ArchUnit on
 * their compiled classes (every use, imported or fully qualified), here where both modules and impl are on the class
 * path; {@code retort-impl}'s own {@code ArchitectureTest} checks the rules inside api and impl.
 */
class ModuleBoundariesTest {
    /** retort-cdi from the class path; retort-jta (optional there, so absent) from its module's build. */
    private static final JavaClasses CDI_AND_JTA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(locations());

    private static Set<Location> locations() {
        Set<Location> locations = new HashSet<>(Locations.ofPackage("io.retort.cdi"));
        locations.add(Location.of(Path.of("../jta-integration/target/classes").toAbsolutePath()));
        return locations;
    }

    @Test
    void cdiAndJtaReachImplOnlyThroughTheApi() {
        assertThat(CDI_AND_JTA.contain("io.retort.cdi.RetortExtension")).isTrue();
        assertThat(CDI_AND_JTA.contain("io.retort.jta.JtaTransactionCoordinator")).isTrue();
        noClasses().that().resideInAnyPackage("io.retort.cdi..", "io.retort.jta..").should().dependOnClassesThat()
                .resideInAPackage("io.retort.impl..")
                .as("retort-cdi and retort-jta reach impl only through the API and its SPI")
                .check(CDI_AND_JTA);
    }

    @Test
    void theSessionAndConnectionNeverCallJtaDirectly() {
        // Only retort-jta, the coordinator's home, names JTA; retort-cdi goes through its TransactionCoordinator.
        noClasses().that().resideInAPackage("io.retort.cdi..").should().dependOnClassesThat()
                .resideInAnyPackage("com.arjuna..", "io.agroal..")
                .as("retort-cdi reaches Narayana and Agroal only through retort-jta")
                .check(CDI_AND_JTA);
    }
}
