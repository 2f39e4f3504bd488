package io.retort.impl;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.retort.orm.spi.OrmProvider;
import io.retort.spi.CoreProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of direction of DESIGN.md §2, checked on the compiled classes of {@code retort-api} and
 * {@code retort-impl} with ArchUnit. Bytecode records every use of a type, written imported or fully qualified, so
 * a rule cannot be passed by spelling a class out. {@link #aForbiddenUseWrittenFullyQualifiedFailsTheRules} proves
 * that on fixtures that break two rules with fully-qualified names only.
 *
 * <p>{@code retort-cdi} and {@code retort-jta} reach impl only through the API: their poms have {@code retort-impl}
 * at run-time (cdi) or test (jta) scope only and their {@code module-info} does not require it, so a use of an
 * impl class there does not compile.
 */
class ArchitectureTest {
    private static final String[] JDK = {"java..", "javax..", "org.jspecify.."};
    private static final String[] API = {"io.retort.engine..", "io.retort.exception..", "io.retort.orm..",
        "io.retort.schema..", "io.retort.spi..", "io.retort.sql..", "io.retort.types.."};
    private static final String[] API_CORE = {"io.retort.engine..", "io.retort.exception..", "io.retort.schema..",
        "io.retort.spi..", "io.retort.sql..", "io.retort.types.."};
    private static final String[] IMPL_CORE = {"io.retort.impl", "io.retort.impl.compiler..",
        "io.retort.impl.dialect..", "io.retort.impl.engine..", "io.retort.impl.pool..", "io.retort.impl.telemetry.."};
    private static final String[] ORM = {"io.retort.orm..", "io.retort.impl.orm.."};

    /** Main classes only: not this module's tests, not {@code retort-testing}. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("retort-testing") && !location.contains("/testing/"))
            .importPackages("io.retort");

    /** The provider interfaces: {@code Engine.create}, {@code Sql.compile}, {@code Orm.mapping} call them. */
    private static final DescribedPredicate<JavaClass> PROVIDERS = belongToAnyOf(CoreProvider.class,
            OrmProvider.class);

    static List<ArchRule> rules() {
        return List.of(
                // api never imports impl, and depends on the JDK only (plus JSpecify).
                classes().that().resideInAnyPackage(API).should().onlyDependOnClassesThat(
                        resideInAnyPackage(API).or(resideInAnyPackage(JDK)))
                        .as("api depends on the JDK and JSpecify only, never on impl"),
                // Inside api: types and exception import nothing else; sql imports types; schema builds on sql;
                // engine on sql/schema; the SPI serves Core; orm on engine.
                layer("io.retort.types..", "io.retort.types.."),
                layer("io.retort.exception..", "io.retort.exception.."),
                classes().that().resideInAPackage("io.retort.sql..").should().onlyDependOnClassesThat(
                        resideInAnyPackage(within("io.retort.sql..", "io.retort.types..", "io.retort.exception.."))
                                .or(belongToAnyOf(CoreProvider.class)))
                        .as("sql builds on types (and finds its compiler through CoreProvider.instance() only)"),
                layer("io.retort.schema..", "io.retort.schema..", "io.retort.sql..", "io.retort.types..",
                        "io.retort.exception.."),
                layer("io.retort.engine..", API_CORE),
                layer("io.retort.spi..", API_CORE),
                // Core never imports ORM, in api or impl.
                noClasses().that().resideInAnyPackage(API_CORE).or().resideInAnyPackage(IMPL_CORE)
                        .should().dependOnClassesThat().resideInAnyPackage(ORM)
                        .as("Core never depends on the ORM"),
                // Inside impl: the compiler knows nothing of the engine or ORM; neither do the dialects of the
                // engine runtime.
                noClasses().that().resideInAPackage("io.retort.impl.compiler..").should().dependOnClassesThat()
                        .resideInAnyPackage("io.retort.impl.engine..", "io.retort.engine..", "io.retort.impl.pool..")
                        .as("the compiler knows nothing of the engine"),
                noClasses().that().resideInAPackage("io.retort.impl.dialect..").should().dependOnClassesThat()
                        .resideInAnyPackage("io.retort.impl.engine..", "io.retort.impl.pool..")
                        .as("the dialects know nothing of the engine runtime"),
                // The ORM uses Core through its public API only, and decides database differences through
                // capability flags, never by the dialect's name.
                noClasses().that().resideInAPackage("io.retort.impl.orm..").should().dependOnClassesThat()
                        .resideInAnyPackage(IMPL_CORE)
                        .as("the ORM runtime uses Core through the API only"),
                noClasses().that().resideInAnyPackage(ORM).should().callMethodWhere(namedAsDialect())
                        .as("the ORM asks capability flags, never the dialect's name"),
                // Only one package touches Agroal.
                noClasses().that().resideOutsideOfPackage("io.retort.impl.pool..").should().dependOnClassesThat()
                        .resideInAPackage("io.agroal..")
                        .as("only io.retort.impl.pool touches Agroal"),
                // Packages named internal are not API: nothing in api uses one.
                noClasses().that().resideInAnyPackage(API).should().dependOnClassesThat()
                        .resideInAPackage("..internal..")
                        .as("the API names no internal package"),
                // Transactions go through the SPI: the Session and Connection never call JTA directly.
                noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.transaction..",
                        "javax.transaction..")
                        .as("api and impl never call JTA directly (the TransactionCoordinator SPI does)"),
                // No package cycle. The provider interfaces name the types of the packages that look them up
                // (Engine.create calls CoreProvider, which returns an Engine): that service lookup is the one
                // back edge, so dependencies leaving the two provider interfaces are not counted.
                slices().matching("io.retort.(**)").should().beFreeOfCycles()
                        .ignoreDependency(PROVIDERS, DescribedPredicate.alwaysTrue())
                        .as("no package cycle in main code (but the service lookup of the provider interfaces)"));
    }

    private static ArchRule layer(String layer, String... allowed) {
        return classes().that().resideInAPackage(layer).should().onlyDependOnClassesThat(
                resideInAnyPackage(within(allowed)))
                .as(layer.replace("..", "") + " depends only on " + String.join(", ", allowed).replace("..", ""));
    }

    private static String[] within(String... packages) {
        String[] all = new String[packages.length + JDK.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(JDK, 0, all, packages.length, JDK.length);
        return all;
    }

    private static DescribedPredicate<JavaCall<?>> namedAsDialect() {
        Set<String> names = Set.of("dialectName", "backendName");
        return DescribedPredicate.describe("a method telling the database's name " + names,
                call -> names.contains(call.getName()) && call.getTargetOwner().getPackageName().startsWith(
                        "io.retort"));
    }

    @Test
    void everyRuleOfDesignSection2Holds() {
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(MAIN);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        assertThat(failures.toString()).isEmpty();
    }

    @Test
    void theRulesSeeTheWholeCode() {
        // A rule that reads nothing passes: make sure api, impl and the SPI were imported.
        for (String name : List.of("io.retort.engine.Engine", "io.retort.spi.CoreProvider",
                "io.retort.orm.spi.OrmProvider", "io.retort.impl.orm.DefaultSession",
                "io.retort.impl.pool.AgroalConnectionSource", "io.retort.impl.compiler.StatementCompiler")) {
            assertThat(MAIN.contain(name)).as(name).isTrue();
        }
        assertThat(MAIN.stream().filter(c -> c.getPackageName().startsWith("io.retort.testing"))).isEmpty();
    }

    @Test
    void aForbiddenUseWrittenFullyQualifiedFailsTheRules() {
        // The fixtures (test sources) name a forbidden class only fully qualified, never in an import.
        JavaClasses withFixtures = new ClassFileImporter().importClasses(
                io.retort.impl.compiler.ForbiddenUseFixture.class, io.retort.impl.orm.ForbiddenUseFixture.class,
                io.retort.impl.engine.PoolSettings.class, io.retort.impl.dialect.Dialect.class,
                io.retort.impl.orm.DefaultSession.class);
        List<ArchRule> rules = rules().stream().map(rule -> rule.allowEmptyShould(true)).toList();
        List<String> violated = rules.stream().filter(rule -> rule.evaluate(withFixtures).hasViolation())
                .map(ArchRule::getDescription).toList();
        assertThat(violated).contains("the compiler knows nothing of the engine",
                "the ORM runtime uses Core through the API only");
        String report = rules.stream().map(rule -> rule.evaluate(withFixtures))
                .filter(EvaluationResult::hasViolation).map(EvaluationResult::getFailureReport)
                .map(Object::toString).reduce("", String::concat);
        assertThat(report).contains("io.retort.impl.compiler.ForbiddenUseFixture")
                .contains("io.retort.impl.orm.ForbiddenUseFixture");
    }
}
