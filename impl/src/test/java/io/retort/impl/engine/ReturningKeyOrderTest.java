package io.retort.impl.engine;

import static io.retort.schema.Schema.column;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidRequestException;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Insert;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SQLite documents the rows of RETURNING as coming in an arbitrary order, so an insert executemany there puts each
 * page's rows in the order of their autoincrement keys, which SQLite assigns ascending in VALUES order: SQLAlchemy's
 * "implicit sentinel" ({@code insertmanyvalues_implicit_sentinel}, ANY_AUTOINCREMENT on SQLite; see
 * {@code test/orm/test_unitofworkv2.py::TryToFoolInsertManyValuesTest}, ported as {@code ReturningOrderIT}). SQLite
 * returns them in VALUES order today, so no database test can show the reordering: this test gives it rows out of
 * order. Where no autoincrement key sorts them, the rows are matched to the sets by the primary key the sets give
 * ({@code KeyMatch}; RETURNING takes the key for it when it does not name it, and the key is dropped from the rows
 * after), or, without one, each row is a statement of its own (SQLAlchemy's downgrade of a batch without a sentinel;
 * {@code InsertManyReturningIT} shows the statements).
 */
class ReturningKeyOrderTest {
    private static List<Object[]> rows(Object... keys) {
        List<Object[]> rows = new ArrayList<>();
        for (Object key : keys) {
            rows.add(new Object[] {"row of " + key, key});
        }
        return rows;
    }

    private static List<Object> keys(List<Object[]> rows) {
        return rows.stream().map(row -> row[1]).toList();
    }

    @Test
    void aPageOutOfOrderIsPutInTheOrderOfItsKeys() {
        List<Object[]> rows = rows(1, 2, 3, 6, 4, 5);
        InsertManyExecutor.inKeyOrder(rows, 3, 1);
        assertThat(keys(rows)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(rows.get(3)).containsExactly("row of 4", 4);
    }

    @Test
    void onlyTheRowsOfThePageAreOrdered() {
        List<Object[]> rows = rows(9L, 8L, 3L, 1L, 2L);
        InsertManyExecutor.inKeyOrder(rows, 2, 1); // the earlier page's rows are left as they are
        assertThat(keys(rows)).containsExactly(9L, 8L, 1L, 2L, 3L);
    }

    @Test
    void rowsInOrderOrWithoutAKeyAreLeftAsTheyCame() {
        List<Object[]> ordered = rows(4, 7, 9);
        Object[] first = ordered.get(0);
        InsertManyExecutor.inKeyOrder(ordered, 0, 1);
        assertThat(ordered.get(0)).isSameAs(first);
        List<Object[]> keyless = rows(3, null, 1);
        InsertManyExecutor.inKeyOrder(keyless, 0, 1);
        assertThat(keys(keyless)).containsExactly(3, null, 1);
        List<Object[]> noSentinel = rows(3, 2, 1);
        InsertManyExecutor.inKeyOrder(noSentinel, 0, -1); // where the rows come in VALUES order
        assertThat(keys(noSentinel)).containsExactly(3, 2, 1);
    }

    private static final Table GIVEN = new MetaData().table("km_given", column("id", INTEGER).primaryKey()
            .autoincrement(false), column("data", string(20)), column("status", string(10)).serverDefault("'new'"));

    private static List<Map<String, Object>> sets(int... ids) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (int id : ids) {
            sets.add(Map.of("id", id, "data", "d" + id));
        }
        return sets;
    }

    @Test
    void rowsAreMatchedToTheSetsByTheKeyTheSetsGive() {
        Insert insert = Sql.insert(GIVEN).returning(GIVEN.c("status"), GIVEN.c("id"));
        List<Map<String, Object>> sets = sets(7, 3, 5, 1);
        KeyMatch match = KeyMatch.of(insert, sets, insert.returningClause());
        assertThat(match).isNotNull();
        // The earlier page's two rows stay; the second page's rows came back in another order, the keys as Long.
        List<Object[]> rows = new ArrayList<>(List.of(new Object[] {"new", 7}, new Object[] {"new", 3},
                new Object[] {"new 1", 1L}, new Object[] {"new 5", 5L}));
        match.order(rows, 2, sets.subList(2, 4), "INSERT ...");
        assertThat(rows).extracting(row -> row[1]).containsExactly(7, 3, 5L, 1L);
        assertThat(rows.get(2)).containsExactly("new 5", 5L);
    }

    @Test
    void aReturnedKeyThatNoSetGaveFailsRatherThanGoToAnotherObject() {
        Insert insert = Sql.insert(GIVEN).returning(GIVEN.c("id"));
        List<Map<String, Object>> sets = sets(1, 2);
        KeyMatch match = KeyMatch.of(insert, sets, insert.returningClause());
        List<Object[]> rows = new ArrayList<>(List.of(new Object[] {1}, new Object[] {9}));
        assertThatThrownBy(() -> match.order(rows, 0, sets, "INSERT INTO km_given ..."))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The database returned a row of INSERT ... RETURNING whose primary key [9] is not the key"
                        + " of exactly one parameter set of its statement, so the rows cannot be matched to the sets;"
                        + " give each set its key as a value of the column's Java type\n[SQL: INSERT INTO km_given"
                        + " ...]");
    }

    @Test
    void withoutTheKeyInReturningOrInEverySetNothingMatches() {
        Insert withoutKey = Sql.insert(GIVEN).returning(GIVEN.c("status"));
        assertThat(KeyMatch.of(withoutKey, sets(1, 2), withoutKey.returningClause())).isNull();
        Insert withKey = Sql.insert(GIVEN).returning(GIVEN.c("id"));
        List<Map<String, Object>> keyless = List.of(Map.of("id", 1, "data", "a"), Map.of("data", "b"));
        assertThat(KeyMatch.of(withKey, keyless, withKey.returningClause())).isNull();
        List<Map<String, Object>> computed = List.of(Map.of("id", 1), Map.of("id", Sql.literal(INTEGER, 2)));
        assertThat(KeyMatch.of(withKey, computed, withKey.returningClause())).isNull();
    }

    @Test
    void decimalKeysMatchWhateverTheirScale() {
        Table priced = new MetaData().table("km_priced", column("code", io.retort.types.Types.numeric(10, 2))
                .primaryKey(), column("status", string(10)).serverDefault("'new'"));
        Insert insert = Sql.insert(priced).returning(priced.c("code"), priced.c("status"));
        List<Map<String, Object>> sets = List.of(Map.of("code", new java.math.BigDecimal("1.50")),
                Map.of("code", new java.math.BigDecimal("2")));
        KeyMatch match = KeyMatch.of(insert, sets, insert.returningClause());
        List<Object[]> rows = new ArrayList<>(List.of(new Object[] {new java.math.BigDecimal("2.00"), "new"},
                new Object[] {new java.math.BigDecimal("1.5"), "new"}));
        match.order(rows, 0, sets, "INSERT INTO km_priced ...");
        assertThat(rows).extracting(row -> row[0].toString()).containsExactly("1.5", "2.00");
    }

    @Test
    void returningWithoutTheKeyTheSetsGiveTakesItToMatchTheRows() {
        Insert asked = Sql.insert(GIVEN).returning(GIVEN.c("status"));
        Insert wide = KeyMatch.widened(asked, sets(2, 1));
        assertThat(wide).isNotNull();
        assertThat(wide.returningClause()).containsExactly(GIVEN.c("status"), GIVEN.c("id"));
        KeyMatch match = KeyMatch.of(wide, sets(2, 1), wide.returningClause());
        assertThat(match).isNotNull();
        assertThat(match.positions()).containsExactly(1);
        // Nothing to add where RETURNING names the key; nothing to match by where a set lacks it.
        Insert withKey = Sql.insert(GIVEN).returning(GIVEN.c("id"), GIVEN.c("status"));
        assertThat(KeyMatch.widened(withKey, sets(1, 2))).isNull();
        assertThat(KeyMatch.widened(asked, List.of(Map.of("id", 1, "data", "a"), Map.of("data", "b")))).isNull();
        Table keyless = new MetaData().table("km_keyless", column("data", string(20)));
        assertThat(KeyMatch.widened(Sql.insert(keyless).returning(keyless.c("data")), List.of(Map.of("data", "a"),
                Map.of("data", "b")))).isNull();
    }

    @Test
    void upsertsIgnoredRowsAndKeysOfAnotherTypeAreNotMatched() {
        Insert upsert = Sql.insert(GIVEN).onConflictDoNothing("id").returning(GIVEN.c("status"), GIVEN.c("id"));
        assertThat(KeyMatch.of(upsert, sets(1, 2), upsert.returningClause())).isNull();
        Insert orIgnore = Sql.insert(GIVEN).prefixWith("OR IGNORE").returning(GIVEN.c("id"));
        assertThat(KeyMatch.of(orIgnore, sets(1, 2), orIgnore.returningClause())).isNull();
        assertThat(KeyMatch.widened(Sql.insert(GIVEN).onConflictDoNothing("id").returning(GIVEN.c("status")),
                sets(1, 2))).isNull();
        Insert withKey = Sql.insert(GIVEN).returning(GIVEN.c("id"));
        List<Map<String, Object>> strings = List.of(Map.of("id", "1", "data", "a"), Map.of("id", "2", "data", "b"));
        assertThat(KeyMatch.of(withKey, strings, withKey.returningClause())).isNull();
        List<Map<String, Object>> longs = List.of(Map.of("id", 1L, "data", "a"), Map.of("id", 2L, "data", "b"));
        assertThat(KeyMatch.of(withKey, longs, withKey.returningClause())).as("integers of any width").isNotNull();
    }
}
