package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21's crashes (INSERT ... SELECT rebuilt without its SELECT), ORDER BY a label, the function-name injection,
 * MySQL's CAST length and PostgreSQL's reserved words: SQL per dialect, and the statements run on every database.
 */
class CrashAndInjectionRegressionIT {

    private static Table source(MetaData metadata) {
        return metadata.table("source_row", column("id", INTEGER).primaryKey(), column("name", string(32)));
    }

    private static Table target(MetaData metadata) {
        return metadata.table("target_row", column("id", INTEGER).primaryKey(), column("name", string(32)));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table SOURCE = source(SHAPES);
    private static final Table TARGET = target(SHAPES);

    private static MetaData filled(Engine engine) {
        MetaData metadata = new MetaData();
        Table source = source(metadata);
        Table target = target(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(source).values(List.of(Map.of("id", 1, "name", "new one"),
                    Map.of("id", 2, "name", "new two"))));
            conn.execute(insert(target).values(Map.of("id", 1, "name", "old one")));
            conn.commit();
        }
        return metadata;
    }

    private static List<List<Object>> targetRows(Connection conn) {
        return conn.execute(select(TARGET.c("id"), TARGET.c("name")).orderBy(TARGET.c("id"))).all().stream()
                .map(row -> row.values()).toList();
    }

    /** test_insert.py InsertTest test_insert_from_select_returning; SQLAlchemy keeps the SELECT through returning(). */
    @DatabaseTest
    void insertFromSelectKeepsItsSelectThroughReturning(Engine engine, TestDatabase database) {
        var statement = insert(TARGET).fromSelect(List.of("id", "name"),
                select(SOURCE.c("id"), SOURCE.c("name")).where(SOURCE.c("id").eq(2))).returning(TARGET.c("id"));
        if (database == TestDatabase.H2) {
            assertSql(statement, database, "SELECT id FROM FINAL TABLE (INSERT INTO target_row (id, name) SELECT"
                    + " source_row.id, source_row.name FROM source_row WHERE source_row.id = ?)");
        } else {
            assertSql(statement, database, "INSERT INTO target_row (id, name) SELECT source_row.id, source_row.name"
                    + " FROM source_row WHERE source_row.id = ? RETURNING id");
        }
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(statement).scalars().all()).containsExactly(2);
            assertThat(targetRows(conn)).containsExactly(List.of(1, "old one"), List.of(2, "new two"));
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_on_conflict.py OnConflictTest test_do_nothing_* / test_do_update_* with an INSERT ... SELECT. */
    @DatabaseTest
    void insertFromSelectKeepsItsSelectThroughAnUpsert(Engine engine, TestDatabase database) {
        var rows = select(SOURCE.c("id"), SOURCE.c("name"));
        var doNothing = insert(TARGET).fromSelect(List.of("id", "name"), rows).onConflictDoNothing("id");
        var doUpdate = insert(TARGET).fromSelect(List.of("id", "name"), rows)
                .onConflictDoUpdate(List.of("id"), List.of("name"));
        String select = "SELECT source_row.id, source_row.name FROM source_row";
        switch (database) {
            case MARIADB:
                assertSql(doNothing, database, "INSERT INTO target_row (id, name) " + select
                        + " ON DUPLICATE KEY UPDATE target_row.id = target_row.id");
                assertSql(doUpdate, database, "INSERT INTO target_row (id, name) " + select
                        + " ON DUPLICATE KEY UPDATE name = VALUES(name)");
                break;
            case H2:
                assertSql(doNothing, database, "MERGE INTO target_row USING (" + select + ") AS excluded (id, name)"
                        + " ON target_row.id = excluded.id WHEN NOT MATCHED THEN INSERT (id, name)"
                        + " VALUES (excluded.id, excluded.name)");
                break;
            default:
                // SQLite would read "FROM source_row ON CONFLICT" as a join's ON: a WHERE ends the SELECT.
                assertSql(doNothing, database, "INSERT INTO target_row (id, name) " + select + " WHERE true"
                        + " ON CONFLICT (id) DO NOTHING");
                assertSql(doUpdate, database, "INSERT INTO target_row (id, name) " + select + " WHERE true"
                        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
        }
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(doNothing);
            assertThat(targetRows(conn)).containsExactly(List.of(1, "old one"), List.of(2, "new two"));
            conn.execute(doUpdate);
            assertThat(targetRows(conn)).containsExactly(List.of(1, "new one"), List.of(2, "new two"));
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_compiler.py SelectTest test_order_by_labels_enabled, test_order_by_named_label_from_anon_label. */
    @DatabaseTest
    void orderingByALabelNamesTheResultColumn(Engine engine, TestDatabase database) {
        var n = count(SOURCE.c("id")).label("n");
        var byLabel = select(SOURCE.c("name"), n).groupBy(SOURCE.c("name")).orderBy(n.desc(), SOURCE.c("name").asc());
        assertSql(byLabel, database, "SELECT source_row.name, count(source_row.id) AS n FROM source_row"
                + " GROUP BY source_row.name ORDER BY n DESC, source_row.name");
        var key = SOURCE.c("name").label("k");
        var byName = select(key, count().label("n")).groupBy("k").orderBy("-n", "k");
        assertSql(byName, database, "SELECT source_row.name AS k, count(*) AS n FROM source_row"
                + " GROUP BY source_row.name ORDER BY n DESC, k");
        assertThatThrownBy(() -> select(SOURCE.c("name")).orderBy("nope")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("orderBy(\"nope\") names no labeled column of this SELECT (its labels are []); label a"
                        + " column with expression.label(\"nope\") or pass the expression itself");
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(SOURCE).values(Map.of("id", 3, "name", "new two")));
            assertThat(conn.execute(byLabel).all()).extracting(row -> row.values())
                    .containsExactly(List.of("new two", 2L), List.of("new one", 1L));
            assertThat(conn.execute(byName).all()).extracting(row -> row.values())
                    .containsExactly(List.of("new two", 2L), List.of("new one", 1L));
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_functions.py test_custom_w_quoting / test_namespacing_conflicts: a name is an identifier, never SQL. */
    @DatabaseTest
    void functionNamesCannotCarrySql(Engine engine, TestDatabase database) {
        assertThatThrownBy(() -> function("lower(name) FROM source_row; DELETE FROM target_row; SELECT lower", STRING,
                SOURCE.c("name"))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("Function name 'lower(name) FROM source_row; DELETE FROM target_row; SELECT"
                        + " lower' is not an identifier");
        var qualified = function(database == TestDatabase.POSTGRESQL ? "pg_catalog.upper" : "upper", STRING,
                SOURCE.c("name"));
        assertSql(select(qualified), database, "SELECT " + (database == TestDatabase.POSTGRESQL ? "pg_catalog." : "")
                + "upper(source_row.name) FROM source_row");
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(qualified).where(SOURCE.c("id").eq(1))).scalar()).isEqualTo("NEW ONE");
            assertThat(conn.execute(select(count()).from(TARGET)).scalar()).isEqualTo(1L);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_mysql/test_compiler.py SQLTest test_cast (CAST(t.col AS CHAR(32)) for String(32)). */
    @DatabaseTest
    void castToAStringOfALengthKeepsTheLength(Engine engine, TestDatabase database) {
        var shortened = select(cast(SOURCE.c("name"), string(3))).where(SOURCE.c("id").eq(1));
        String typeName = database == TestDatabase.MARIADB ? "CHAR(3)" : "VARCHAR(3)";
        assertSql(shortened, database, "SELECT CAST(source_row.name AS " + typeName + ") FROM source_row"
                + " WHERE source_row.id = ?");
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            // SQLite has no string lengths: its VARCHAR(3) holds any text.
            assertThat(conn.execute(shortened).scalar()).isEqualTo(database == TestDatabase.SQLITE ? "new one" : "new");
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_postgresql/test_compiler.py: every word PostgreSQL reserves is quoted (here variadic, verbose). */
    @DatabaseTest
    void postgresqlReservedWordsAreQuoted(Engine engine, TestDatabase database) {
        MetaData metadata = new MetaData();
        Table words = metadata.table("variadic", column("id", INTEGER).primaryKey(), column("verbose", INTEGER),
                column("freeze", INTEGER));
        var statement = select(words.c("verbose"), words.c("freeze")).where(words.c("id").eq(1));
        if (database == TestDatabase.POSTGRESQL) {
            assertSql(statement, database, "SELECT \"variadic\".\"verbose\", \"variadic\".\"freeze\" FROM \"variadic\""
                    + " WHERE \"variadic\".id = ?");
        }
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(words).values(Map.of("id", 1, "verbose", 2, "freeze", 3)));
            assertThat(conn.execute(statement).one().values()).containsExactly(2, 3);
            assertThat(conn.execute(select(literal(INTEGER, 1))).scalar()).isEqualTo(1);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
