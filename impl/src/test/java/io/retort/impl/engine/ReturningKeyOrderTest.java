package io.retort.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQLite documents the rows of RETURNING as coming in an arbitrary order, so an insert executemany there puts each
 * page's rows in the order of their autoincrement keys, which SQLite assigns ascending in VALUES order: SQLAlchemy's
 * "implicit sentinel" ({@code insertmanyvalues_implicit_sentinel}, ANY_AUTOINCREMENT on SQLite; see
 * {@code test/orm/test_unitofworkv2.py::TryToFoolInsertManyValuesTest}, ported as {@code ReturningOrderIT}). SQLite
 * returns them in VALUES order today, so no database test can show the reordering: this test gives it rows out of
 * order.
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
}
