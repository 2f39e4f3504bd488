package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sum;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Window;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Issue 21: window frames RANGE, GROUPS and EXCLUDE (test_compiler.py SelectTest test_over_framespec, test_over_frame_exclude). */
class WindowFrameIT {
    private static Table scores(MetaData metadata) {
        return metadata.table("scores", column("id", INTEGER).primaryKey(), column("v", INTEGER));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table SCORES = scores(SHAPES);

    private static List<String> sums(Connection conn, io.retort.sql.Select statement) {
        return conn.execute(statement).scalars().all().stream().map(v -> v == null ? null
                : new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString()).toList();
    }

    @DatabaseTest
    void rowsRangeGroupsAndExclude(Engine engine, TestDatabase database) {
        var rows = select(sum(SCORES.c("v")).over(Window.ordered(SCORES.c("id").asc()).rowsBetween(1, 0)))
                .orderBy(SCORES.c("id"));
        var range = select(sum(SCORES.c("v")).over(Window.ordered(SCORES.c("v").asc()).rangeBetween(null, 0)))
                .orderBy(SCORES.c("id"));
        var groups = select(sum(SCORES.c("v")).over(Window.ordered(SCORES.c("v").asc()).groupsBetween(1, 0)
                .exclude(Window.FrameExclusion.CURRENT_ROW))).orderBy(SCORES.c("id"));
        assertSql(rows, database, "SELECT sum(scores.v) OVER (ORDER BY scores.id ROWS BETWEEN 1 PRECEDING AND"
                + " CURRENT ROW) FROM scores ORDER BY scores.id");
        assertSql(range, database, "SELECT sum(scores.v) OVER (ORDER BY scores.v RANGE BETWEEN UNBOUNDED PRECEDING"
                + " AND CURRENT ROW) FROM scores ORDER BY scores.id");
        if (database == TestDatabase.MARIADB) {
            assertRefused(groups, database, "A window frame with GROUPS is not supported by mariadb");
        } else {
            assertSql(groups, database, "SELECT sum(scores.v) OVER (ORDER BY scores.v GROUPS BETWEEN 1 PRECEDING"
                    + " AND CURRENT ROW EXCLUDE CURRENT ROW) FROM scores ORDER BY scores.id");
        }
        MetaData metadata = new MetaData();
        Table scores = scores(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(scores).values(List.of(Map.of("id", 1, "v", 1), Map.of("id", 2, "v", 2),
                    Map.of("id", 3, "v", 2), Map.of("id", 4, "v", 3))));
            assertThat(sums(conn, rows)).containsExactly("1", "3", "4", "5");
            assertThat(sums(conn, range)).containsExactly("1", "5", "5", "8");
            if (database != TestDatabase.MARIADB) {
                assertThat(sums(conn, groups)).containsExactly(null, "3", "3", "4");
            }
        } finally {
            metadata.dropAll(engine);
        }
    }
}
