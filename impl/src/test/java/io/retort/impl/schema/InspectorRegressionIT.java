package io.retort.impl.schema;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Inspector;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.PendingRollbackException;
import io.retort.schema.MetaData;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;

/** Defects of the inspector that answered for the wrong connection or the wrong schema, on every database. */
class InspectorRegressionIT {

    @DatabaseTest
    void anInspectorReadsThroughTheConnectionItHasNowAfterAnInvalidation(Engine engine) {
        MetaData metadata = new MetaData();
        metadata.table("inspected_after_reconnect", column("id", INTEGER).primaryKey());
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            Inspector inspector = conn.inspector();
            assertThat(inspector.hasTable("inspected_after_reconnect")).isTrue();
            conn.invalidate(); // the JDBC connection the inspector was made with is discarded
            // Its catalog reads began the connection's transaction, which the invalidation ended: as after any
            // read, the transaction is rolled back before the next statement (SQLAlchemy's PendingRollbackError).
            assertThatThrownBy(() -> inspector.hasTable("inspected_after_reconnect"))
                    .isInstanceOf(PendingRollbackException.class);
            conn.rollback();
            // It used the discarded connection: an error on a closed connection (or, through a pool, another
            // user's connection). Now it takes the Connection's new one.
            assertThat(inspector.hasTable("inspected_after_reconnect")).isTrue();
            assertThat(inspector.columns("inspected_after_reconnect")).hasSize(1);
        }
    }

    /** Not on SQLite, which inspects its main database only (another schema is refused, see SchemaQualifiedIT). */
    @DatabaseTest
    @OnlyOn({TestDatabase.H2, TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
    void aSchemaWhoseNameHasALikeWildcardAnswersOnlyForItself(Engine engine, TestDatabase database) {
        String kind = database == TestDatabase.MARIADB ? "DATABASE" : "SCHEMA";
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE " + kind + " IF NOT EXISTS insp_a_b"));
            conn.execute(text("CREATE " + kind + " IF NOT EXISTS insp_axb"));
            conn.commit();
        }
        try {
            MetaData other = new MetaData("insp_axb");
            other.table("only_in_axb", column("id", INTEGER).primaryKey());
            other.createAll(engine);
            try (Connection conn = engine.connect()) {
                Inspector axb = conn.inspector().inSchema("insp_axb");
                assertThat(axb.hasTable("only_in_axb")).isTrue();
                // insp_a_b as a LIKE pattern matches insp_axb: its tables were answered for insp_a_b.
                Inspector ab = conn.inspector().inSchema("insp_a_b");
                assertThat(ab.hasTable("only_in_axb")).isFalse();
                assertThat(ab.tableNames()).doesNotContain("only_in_axb");
                assertThatThrownBy(() -> ab.columns("only_in_axb")).isInstanceOf(InvalidArgumentException.class);
            }
        } finally {
            try (Connection conn = engine.connect()) {
                String cascade = database == TestDatabase.MARIADB ? "" : " CASCADE";
                conn.execute(text("DROP " + kind + " IF EXISTS insp_axb" + cascade));
                conn.execute(text("DROP " + kind + " IF EXISTS insp_a_b" + cascade));
                conn.commit();
            }
        }
    }
}
