package io.retort.it;

import io.retort.testing.TestEnvironment;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Archives for the Arquillian tests. */
final class Deployments {
    private Deployments() {
    }

    /**
     * A bean archive in annotated discovery mode (an empty beans.xml, as CDI 4 reads it) holding the classes and a
     * {@code META-INF/microprofile-config.properties} with {@code config}.
     */
    static JavaArchive archive(Map<String, String> config, Class<?>... classes) {
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(classes)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
    }

    /** PostgreSQL: {@code TEST_RETORT_POSTGRESQL_URL}, else the server on 127.0.0.1:5432. */
    static String postgresqlUrl() {
        return TestEnvironment.get(TestEnvironment.POSTGRESQL_URL,
                "postgresql://postgres@127.0.0.1:5432/test");
    }
}
