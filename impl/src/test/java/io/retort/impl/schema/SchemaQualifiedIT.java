package io.retort.impl.schema;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.text;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21: tables in another schema (test_compiler.py SchemaTest test_select / test_insert / test_update /
 * test_delete with schema="remote_owner", test_reflection.py SchemaTest): statements and DDL name them
 * {@code schema.table}, foreign keys and reflection find them. SQLite's schema is its main database.
 */
class SchemaQualifiedIT {
    private static final String OTHER = "sql_other_schema";

    private static String schemaOf(TestDatabase database) {
        return database == TestDatabase.SQLITE ? "main" : OTHER;
    }

    private static void createSchema(Engine engine, TestDatabase database) {
        if (database == TestDatabase.SQLITE) {
            return;
        }
        try (Connection conn = engine.connect()) {
            conn.execute(text(database == TestDatabase.MARIADB ? "CREATE DATABASE IF NOT EXISTS " + OTHER
                    : "CREATE SCHEMA IF NOT EXISTS " + OTHER));
            conn.commit();
        }
    }

    @DatabaseTest
    void statementsDdlAndReflectionNameTheSchema(Engine engine, TestDatabase database) {
        String schema = schemaOf(database);
        createSchema(engine, database);
        MetaData metadata = new MetaData(schema);
        Table parent = metadata.table("parent", column("id", INTEGER).primaryKey(), column("name", string(20)));
        Table child = metadata.table("child", column("id", INTEGER).primaryKey(),
                column("parent_id").references("parent.id"), column("note", string(20)).index());
        MetaData local = new MetaData();
        Table other = local.table(schema, "remote_note", column("id", INTEGER).primaryKey(),
                column("text", string(20)));
        assertThat(metadata.getTable("parent")).isSameAs(parent);
        var joined = select(parent.c("name"), child.c("note")).join(child).where(parent.c("id").eq(1));
        assertThat(ExpressionCompiler.compile(Drivers.dialect(database.id()), joined).sql()).isEqualTo("SELECT "
                + schema + ".parent.name, " + schema + ".child.note FROM " + schema + ".parent JOIN " + schema
                + ".child ON " + schema + ".child.parent_id = " + schema + ".parent.id WHERE " + schema
                + ".parent.id = ?");
        assertThat(ExpressionCompiler.compile(Drivers.dialect(database.id()), update(parent)
                .values(Map.of("name", "x")).where(parent.c("id").eq(1))).sql())
                .isEqualTo("UPDATE " + schema + ".parent SET name=? WHERE " + schema + ".parent.id = ?");
        metadata.dropAll(engine);
        local.dropAll(engine);
        metadata.createAll(engine);
        local.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(parent).values(Map.of("id", 1, "name", "p")));
            conn.execute(insert(child).values(Map.of("id", 1, "parent_id", 1, "note", "c")));
            conn.execute(insert(other).values(Map.of("id", 1, "text", "t")));
            assertThat(conn.execute(joined).one().values()).containsExactly("p", "c");
            assertThat(conn.execute(update(parent).values(Map.of("name", "q")).where(parent.c("id").eq(1)))
                    .rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(other.c("text"))).scalar()).isEqualTo("t");
            conn.commit();
            var inspector = conn.inspector().inSchema(schema);
            assertThat(inspector.hasTable("child")).isTrue();
            assertThat(conn.inspector().hasTable(schema, "parent")).isTrue();
            MetaData reflected = new MetaData();
            Table reflectedChild = inspector.reflectTable(reflected, "child");
            assertThat(reflectedChild.schema()).isEqualTo(schema);
            assertThat(reflectedChild.columns()).extracting(c -> c.name()).containsExactly("id", "parent_id", "note");
            assertThat(reflectedChild.foreignKeys()).hasSize(1);
            assertThat(conn.execute(select(reflectedChild.c("note"))).scalar()).isEqualTo("c");
            assertThat(conn.execute(delete(child).where(child.c("id").eq(1))).rowCount()).isEqualTo(1);
            conn.commit();
        } finally {
            metadata.dropAll(engine);
            local.dropAll(engine);
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.inspector().inSchema(schema).hasTable("parent")).isFalse();
            if (database == TestDatabase.SQLITE) {
                // SQLite inspects its main database only: another schema is refused, not answered from main.
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> conn.inspector().inSchema("aux")
                        .hasTable("parent")).isInstanceOf(io.retort.exception.InvalidRequestException.class)
                        .hasMessage("Inspecting schema 'aux' is not supported on sqlite, which inspects its main"
                                + " database only; attach no other database for Retort to inspect, or use the main"
                                + " one");
            }
        }
    }
}
