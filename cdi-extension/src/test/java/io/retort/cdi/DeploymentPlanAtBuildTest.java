package io.retort.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.internal.DeploymentPlan;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * Quarkus plans the deployment at build time, where only the assignment of packages to databases may be read: the URL
 * and the credentials come when the application starts (one build runs against any database).
 */
class DeploymentPlanAtBuildTest {

    /** A configuration whose connection keys fail the test when read (a build that read them would bake them in). */
    private static Config config(Map<String, String> properties) {
        ConfigSource guard = new PropertiesConfigSource(Map.of("retort.url", "postgresql://db/app",
                "retort.\"reporting\".url", "postgresql://db/reporting"), "guard", 200) {
            @Override
            public String getValue(String name) {
                if (name.endsWith("url") || name.endsWith("datasource") || name.endsWith("password")) {
                    throw new AssertionError(name + " was read at build time");
                }
                return super.getValue(name);
            }
        };
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(guard).build();
    }

    @Test
    void namedDatabasesAndAConfiguredDefaultAreAssignedWithoutReadingAnyUrl() {
        DeploymentPlan plan = DeploymentPlan.create(config(Map.of("retort.\"reporting\".packages",
                "io.retort.testing.reporting")), List.of(), Set.of("reporting"), getClass().getClassLoader(), true);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.units()).extracting(DeploymentPlan.Unit::name).containsExactly("reporting");
    }

    @Test
    void theDefaultDatabaseIsDeployedAtBuildWhenABeanInjectsIt() {
        DeploymentPlan plan = DeploymentPlan.create(config(Map.of("retort.\"reporting\".packages",
                "io.retort.testing.reporting")), List.of(), Set.of("", "reporting"), getClass().getClassLoader(), true);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.units()).extracting(DeploymentPlan.Unit::name).containsExactly("", "reporting");
    }
}
