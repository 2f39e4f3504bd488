package io.retort.testing;

import io.retort.engine.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.jspecify.annotations.Nullable;

/** Provides one invocation of a {@link DatabaseTest} per database. See the package documentation. */
public final class DatabaseExtension implements TestTemplateInvocationContextProvider {
    private static final Set<TestDatabase> ANNOUNCED = ConcurrentHashMap.newKeySet();

    /** Used by JUnit. */
    public DatabaseExtension() {
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(DatabaseTest.class)
                || Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType()
                        .isAnnotationPresent(DatabaseTest.class))).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Set<TestDatabase> selected = EnumSet.allOf(TestDatabase.class);
        OnlyOn onClass = context.getRequiredTestClass().getAnnotation(OnlyOn.class);
        OnlyOn onMethod = context.getRequiredTestMethod().getAnnotation(OnlyOn.class);
        for (OnlyOn only : new OnlyOn[] {onClass, onMethod}) {
            if (only != null) {
                selected.retainAll(Arrays.asList(only.value()));
            }
        }
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (TestDatabase database : selected) {
            invocations.add(new Invocation(database));
        }
        return invocations.stream();
    }

    /** One run of a test on one database. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final TestDatabase database;

        Invocation(TestDatabase database) {
            this.database = database;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + database.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new RunExtension(database));
        }
    }

    /** Skips or fails when the database is missing, prepares it, resolves parameters, and cleans up. */
    private static final class RunExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback,
            ParameterResolver {
        private final TestDatabase database;
        private @Nullable TestEngines engines;

        RunExtension(TestDatabase database) {
            this.database = database;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Servers.Availability availability = Servers.find(database);
            if (availability.available() || Servers.required().contains(database)) {
                return ConditionEvaluationResult.enabled(database.id() + ": " + availability.reason());
            }
            String reason = database.id() + " tests are skipped: " + availability.reason();
            if (ANNOUNCED.add(database)) {
                System.out.println("[retort-testing] " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            Servers.Availability availability = Servers.find(database);
            if (!availability.available()) {
                throw new IllegalStateException(database.id() + " is required by " + TestEnvironment.REQUIRE + "="
                        + Servers.required() + " but is not available: " + availability.reason());
            }
            engines = new TestEngines(database, Servers.prepareRun(database, availability));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (engines != null) {
                String leaks = engines.closeAll();
                engines = null;
                if (leaks != null && context.getExecutionException().isEmpty()) {
                    throw new AssertionError("The test left connections checked out (close every Connection): "
                            + leaks);
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Engine.class || type == TestDatabase.class || type == TestEngines.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (engines == null) {
                throw new ParameterResolutionException("The database was not prepared for this test");
            }
            Class<?> type = parameter.getParameter().getType();
            if (type == TestDatabase.class) {
                return database;
            }
            if (type == TestEngines.class) {
                return engines;
            }
            return engines.engine();
        }
    }
}
