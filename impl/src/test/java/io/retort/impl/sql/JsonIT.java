package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Json;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21: JSON operators (test_postgresql/test_compiler.py test_json_*, test_mysql/test_compiler.py
 * test_json_getitem / test_json_path, test_sqlite JSON index tests): per dialect, and run where the database has them.
 */
class JsonIT {
    private static Table docs(MetaData metadata) {
        return metadata.table("docs", column("id", INTEGER).primaryKey(), column("body", JSON));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table DOCS = docs(SHAPES);

    @DatabaseTest
    void pathsTextAndContainment(Engine engine, TestDatabase database) {
        var author = select(Json.text(DOCS.c("body"), "author", "name")).where(DOCS.c("id").eq(1));
        var tags = select(Json.get(DOCS.c("body"), "tags")).where(DOCS.c("id").eq(1));
        var tagged = select(DOCS.c("id")).where(Json.contains(DOCS.c("body"), literal(JSON, "{\"tags\": [\"b\"]}")))
                .orderBy(DOCS.c("id"));
        switch (database) {
            case POSTGRESQL:
                assertSql(author, database, "SELECT (docs.body -> ? ->> ?) FROM docs WHERE docs.id = ?");
                assertSql(tags, database, "SELECT (docs.body -> ?) FROM docs WHERE docs.id = ?");
                assertSql(tagged, database, "SELECT docs.id FROM docs WHERE docs.body @> ? ORDER BY docs.id");
                break;
            case SQLITE:
                assertSql(author, database, "SELECT (docs.body ->> ?) FROM docs WHERE docs.id = ?");
                assertRefused(tagged, database, "JSON containment is not supported by sqlite");
                break;
            case MARIADB:
                assertSql(author, database, "SELECT CASE WHEN JSON_TYPE(JSON_EXTRACT(docs.body, ?)) = 'NULL' THEN"
                        + " NULL ELSE JSON_UNQUOTE(JSON_EXTRACT(docs.body, ?)) END FROM docs WHERE docs.id = ?");
                assertSql(tagged, database, "SELECT docs.id FROM docs WHERE JSON_CONTAINS(docs.body, ?)"
                        + " ORDER BY docs.id");
                break;
            default:
                assertRefused(author, database, "JSON access (author.name) is not supported by h2");
                return;
        }
        MetaData metadata = new MetaData();
        Table docs = docs(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(docs).values(List.of(
                    Map.of("id", 1, "body", "{\"author\": {\"name\": \"Sandy \\\"Cheeks\\\"\"}, \"tags\": [\"a\", \"b\"]}"),
                    Map.of("id", 2, "body", "{\"author\": {\"name\": \"Patrick\"}, \"tags\": [\"c\"]}"))));
            assertThat(conn.execute(author).scalar()).isEqualTo("Sandy \"Cheeks\"");
            assertThat(conn.execute(tags).scalar().toString().replace(" ", "")).isEqualTo("[\"a\",\"b\"]");
            if (database != TestDatabase.SQLITE) {
                assertThat(conn.execute(tagged).scalars().all()).containsExactly(1);
            }
        } finally {
            metadata.dropAll(engine);
        }
    }
}
