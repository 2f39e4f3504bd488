package io.retort.cdi;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.cdi.TestContainers.Kind;
import io.retort.cdi.TestContainers.Running;
import io.retort.cdi.beans.Accounts;
import io.retort.cdi.beans.DataSources;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code retort.datasource}: the engine runs on a DataSource the application produces as a named CDI bean. */
class DataSourceEngineIT {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theEngineRunsOnTheNamedDataSource(Kind kind) {
        try (Running running = TestContainers.start(kind, Map.of("retort.datasource", "appDs",
                "retort.schema-generation", "drop-and-create"), DataSources.class, User.class, Address.class,
                Accounts.class)) {
            Engine engine = running.select(Engine.class);
            assertThat(engine.dialectName()).isEqualTo("h2"); // told from the database's metadata
            RequestContextController request = running.select(RequestContextController.class);
            request.activate();
            try {
                running.select(Accounts.class).register("sandy", "Sandy Cheeks");
            } finally {
                request.deactivate();
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT name FROM seed_user_account")).scalars(String.class).all())
                        .containsExactly("sandy");
            }
        }
    }
}
