package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Result;
import io.retort.engine.Row;
import io.retort.exception.ResourceClosedException;
import io.retort.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 20, case 1: a Result closed before its last row raises ResourceClosedException when read on (SQLAlchemy's
 * ResourceClosedError, "This result object is closed"); it never reads as empty. A Result read to its end stays
 * empty, as SQLAlchemy's soft-closed result.
 */
class ClosedResultIT {
    private static void numbers(Engine engine, int count) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE numbers (n int PRIMARY KEY)"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                rows.add(Map.of("n", i));
            }
            conn.execute(text("INSERT INTO numbers (n) VALUES (:n)"), rows);
        });
    }

    private static final String CLOSED = "This Result is closed: ";
    private static final String REST = " before all its rows were read, and the rows not read are gone. Read the rows"
            + " you need (all(), or a loop to the end) before commit(), rollback() or close(), and before closing the"
            + " Result";

    @DatabaseTest
    void aResultHalfReadBeforeCommitRaisesInsteadOfReadingEmpty(Engine engine) {
        numbers(engine, 3);
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
            Iterator<Row> rows = result.iterator();
            assertThat(rows.next().get(0, Integer.class)).isEqualTo(1);
            conn.commit();
            assertThatThrownBy(rows::hasNext).isInstanceOf(ResourceClosedException.class)
                    .hasMessage(CLOSED + "the Connection's commit() closed it" + REST);
            assertThatThrownBy(result::all).isInstanceOf(ResourceClosedException.class);
        }
    }

    @DatabaseTest
    void aResultNotReadBeforeCloseOrRollbackRaises(Engine engine) {
        numbers(engine, 3);
        try (Connection conn = engine.connect()) {
            Result closed = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
            closed.close();
            assertThatThrownBy(closed::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessage(CLOSED + "the Result was closed (close(), or first(), one(), oneOrNull() or scalar()"
                            + " read it and closed it)" + REST);
            Result rolledBack = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
            conn.rollback();
            assertThatThrownBy(rolledBack::all).isInstanceOf(ResourceClosedException.class)
                    .hasMessage(CLOSED + "the Connection's rollback() closed it" + REST);
            Result first = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
            assertThat(first.first().get(0, Integer.class)).isEqualTo(1);
            assertThatThrownBy(first::all).isInstanceOf(ResourceClosedException.class);
        }
        Result afterClose;
        try (Connection conn = engine.connect()) {
            afterClose = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
        }
        assertThatThrownBy(afterClose::all).isInstanceOf(ResourceClosedException.class)
                .hasMessage(CLOSED + "the Connection was closed" + REST);
    }

    @DatabaseTest
    void theRestOfAHalfReadStreamRaises(Engine engine) {
        numbers(engine, 50);
        try (Connection conn = engine.connect()) {
            Result result = conn.stream(text("SELECT n FROM numbers ORDER BY n"), Map.of(), 10);
            try (Stream<Integer> stream = result.scalars(Integer.class).stream()) {
                Iterator<Integer> values = stream.iterator();
                for (int i = 1; i <= 15; i++) {
                    assertThat(values.next()).isEqualTo(i);
                }
                conn.commit();
                assertThatThrownBy(values::next).isInstanceOf(ResourceClosedException.class)
                        .hasMessage(CLOSED + "the Connection's commit() closed it" + REST);
            }
        }
    }

    @DatabaseTest
    void aResultReadToItsEndStaysEmptyAfterCommit(Engine engine) {
        numbers(engine, 3);
        try (Connection conn = engine.connect()) {
            Result result = conn.execute(text("SELECT n FROM numbers ORDER BY n"));
            assertThat(result.scalars(Integer.class).all()).containsExactly(1, 2, 3);
            conn.commit();
            assertThat(result.all()).isEmpty();
        }
    }
}
