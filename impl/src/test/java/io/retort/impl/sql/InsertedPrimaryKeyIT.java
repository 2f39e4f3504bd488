package io.retort.impl.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Capability;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * {@code Result.insertedPrimaryKey()}, SQLAlchemy's {@code CursorResult.inserted_primary_key}, on the four databases:
 * generated keys read with RETURNING (SQLite, PostgreSQL, MariaDB 10.5+; on H2 a query of the insert's FINAL TABLE),
 * given keys reported without a round trip, and an error for every result that has no single inserted row.
 */
class InsertedPrimaryKeyIT {
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(100);

    private static void withTables(TestEngines engines, BiConsumer<Engine, StatementRecorder> test) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        MetaData metadata = tables();
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try {
            test.accept(engine, recorder);
        } finally {
            metadata.dropAll(engine);
        }
    }

    private static MetaData tables() {
        MetaData metadata = new MetaData();
        metadata.table("ipk_auto", column("id", INTEGER).primaryKey(), column("value", INTEGER));
        metadata.table("ipk_pair", column("code", string(10)).primaryKey(), column("seq", INTEGER).primaryKey()
                .autoincrement(false), column("note", string(20)));
        metadata.table("ipk_client", column("code", string(10)).primaryKey()
                .defaultValue(() -> "c" + NEXT_CODE.getAndIncrement()), column("note", string(20)));
        metadata.table("ipk_nokey", column("value", INTEGER));
        return metadata;
    }

    private static final MetaData SHAPES = tables();
    private static final Table AUTO = SHAPES.getTable("ipk_auto");
    private static final Table PAIR = SHAPES.getTable("ipk_pair");
    private static final Table CLIENT = SHAPES.getTable("ipk_client");
    private static final Table NOKEY = SHAPES.getTable("ipk_nokey");

    /**
     * SQLAlchemy: test/sql/test_functions.py::ExecuteTest::test_update (r.inserted_primary_key[0] after
     * t.insert().values(value=func.length("sfsaafsda"))): the generated key names the row inserted.
     */
    @DatabaseTest
    void generatedKeyOfASingleRowInsert(TestEngines engines) {
        withTables(engines, (engine, recorder) -> {
            try (Connection conn = engine.connect()) {
                conn.execute(insert(AUTO).values(Map.of("value", 1)));
                recorder.clear();
                Row key = conn.execute(insert(AUTO).values(Map.of("value",
                        function("length", INTEGER, literal(string(20), "sfsaafsda"))))).insertedPrimaryKey();
                assertThat(key.keys()).containsExactly("id");
                assertThat(((Number) key.get("id")).intValue()).isEqualTo(2);
                Object value = conn.execute(select(AUTO.c("value")).where(AUTO.c("id").eq(key.get(0)))).scalar();
                assertThat(((Number) value).intValue()).isEqualTo(9);
                if (engine.supports(Capability.INSERT_RETURNING)) {
                    // As SQLAlchemy's implicit returning: the key comes back with the INSERT itself.
                    // H2: SELECT id FROM FINAL TABLE (INSERT ...), its form of INSERT ... RETURNING
                    if (engine.dialectName().equals("h2")) {
                        assertThat(recorder.sql().get(0)).isEqualTo(
                                "SELECT id FROM FINAL TABLE (INSERT INTO ipk_auto (\"value\") VALUES (length(?)))");
                    } else {
                        assertThat(recorder.sql().get(0)).endsWith("RETURNING id");
                    }
                } else {
                    assertThat(recorder.sql().get(0)).doesNotContain("RETURNING"); // JDBC generated keys
                }
                // insert(table) with one parameter map is the same single-row insert.
                Row third = conn.execute(insert(AUTO), Map.of("value", 3)).insertedPrimaryKey();
                assertThat(((Number) third.get(0)).intValue()).isEqualTo(3);
                assertThat(conn.execute(insert(AUTO).values(Map.of("value", 4))).rowCount()).isEqualTo(1);
            }
        });
    }

    /**
     * SQLAlchemy: test/dialect/sqlite/test_on_conflict.py::OnConflictTest::test_on_conflict_do_nothing: a key the
     * statement gives is reported as given, in key-column order, without RETURNING, whether or not a row went in.
     */
    @DatabaseTest
    void givenKeyIsReportedInKeyOrder(TestEngines engines) {
        withTables(engines, (engine, recorder) -> {
            try (Connection conn = engine.connect()) {
                recorder.clear();
                Row key = conn.execute(insert(PAIR).values(Map.of("note", "n", "seq", 7, "code", "a")))
                        .insertedPrimaryKey();
                assertThat(key.keys()).containsExactly("code", "seq");
                assertThat(key.values()).containsExactly("a", 7);
                assertThat(recorder.sql().get(0)).doesNotContain("RETURNING");
                Row again = conn.execute(insert(PAIR).values(Map.of("code", "a", "seq", 7, "note", "m"))
                        .onConflictDoNothing("code", "seq")).insertedPrimaryKey();
                assertThat(again.values()).containsExactly("a", 7);
                assertThat(conn.execute(select(PAIR.c("note"))).scalars().all()).containsExactly("n");
            }
        });
    }

    /** A key from a client-side default is the value that was bound, not a second call of the default. */
    @DatabaseTest
    void clientDefaultKeyIsTheValueInserted(TestEngines engines) {
        withTables(engines, (engine, recorder) -> {
            try (Connection conn = engine.connect()) {
                Object code = conn.execute(insert(CLIENT).values(Map.of("note", "x"))).insertedPrimaryKey().get(0);
                assertThat(conn.execute(select(CLIENT.c("code"))).scalars().all()).containsExactly(code);
            }
        });
    }

    /**
     * SQLAlchemy: lib/sqlalchemy/engine/cursor.py inserted_primary_key's errors ("This statement was an executemany
     * call", "Can't call inserted_primary_key when returning() is used", "Statement is not an insert()"). Retort
     * also refuses a multi-row VALUES, where SQLAlchemy gives (None,) — a key that names no row would be silently
     * wrong.
     */
    @DatabaseTest
    void resultsWithoutOneInsertedRowRefuse(TestEngines engines) {
        withTables(engines, (engine, recorder) -> {
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(insert(AUTO), List.of(Map.of("value", 1), Map.of("value", 2)))
                        .insertedPrimaryKey()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("executemany").hasMessageContaining("returning(");
                assertThatThrownBy(() -> conn.execute(insert(AUTO).values(List.of(Map.of("value", 1),
                        Map.of("value", 2)))).insertedPrimaryKey()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("multi-row VALUES insert of 2 rows");
                assertThatThrownBy(() -> conn.execute(update(AUTO).values(Map.of("value", 5))).insertedPrimaryKey())
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another statement");
                assertThatThrownBy(() -> conn.execute(select(AUTO.c("id"))).insertedPrimaryKey())
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another statement");
                assertThatThrownBy(() -> conn.execute(insert(NOKEY).values(Map.of("value", 1))).insertedPrimaryKey())
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ipk_nokey has no primary key");
                assertThatThrownBy(() -> conn.execute(insert(AUTO).fromSelect(List.of("value"),
                        select(NOKEY.c("value")))).insertedPrimaryKey()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("INSERT ... SELECT");
                if (engine.supports(Capability.INSERT_RETURNING)) {
                    var result = conn.execute(insert(AUTO).values(Map.of("value", 6)).returning(AUTO.c("id")));
                    assertThatThrownBy(result::insertedPrimaryKey).isInstanceOf(InvalidRequestException.class)
                            .hasMessageContaining("read the key from its rows");
                    result.close();
                }
                assertThat(conn.execute(select(function("count", INTEGER, AUTO.c("id")))).scalar(Integer.class))
                        .isEqualTo(engine.supports(Capability.INSERT_RETURNING) ? 6 : 5);
            }
        });
    }
}
