package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.join;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Issue 21: nested joins, {@code a LEFT OUTER JOIN (b JOIN c ON ...) ON ...} (test_compiler.py SelectTest test_joins, test_selectable.py JoinTest). */
class NestedJoinIT {
    private static final MetaData SHAPES = new MetaData();
    private static final Table NA = SHAPES.table("na", column("id", INTEGER).primaryKey());
    private static final Table NB = SHAPES.table("nb", column("id", INTEGER).primaryKey(), column("a_id", INTEGER));
    private static final Table NC = SHAPES.table("nc", column("id", INTEGER).primaryKey(), column("b_id", INTEGER));

    @DatabaseTest
    void outerJoinToANestedInnerJoin(Engine engine, TestDatabase database) {
        var statement = select(NA.c("id"), NC.c("id")).outerJoin(join(NB, NC, NB.c("id").eq(NC.c("b_id"))),
                NA.c("id").eq(NB.c("a_id"))).orderBy(NA.c("id"));
        assertSql(statement, database, "SELECT na.id, nc.id FROM na LEFT OUTER JOIN (nb JOIN nc ON nb.id = nc.b_id)"
                + " ON na.id = nb.a_id ORDER BY na.id");
        MetaData metadata = new MetaData();
        metadata.table("na", column("id", INTEGER).primaryKey());
        metadata.table("nb", column("id", INTEGER).primaryKey(), column("a_id", INTEGER));
        metadata.table("nc", column("id", INTEGER).primaryKey(), column("b_id", INTEGER));
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(NA).values(List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3))));
            conn.execute(insert(NB).values(List.of(Map.of("id", 1, "a_id", 1), Map.of("id", 2, "a_id", 2))));
            conn.execute(insert(NC).values(Map.of("id", 7, "b_id", 1)));
            // Row 2 has a b without a c: the nested inner join drops that b, so the outer join keeps a with NULL.
            assertThat(conn.execute(statement).all()).extracting(row -> row.values()).containsExactly(
                    Arrays.asList(1, 7), Arrays.asList(2, null), Arrays.asList(3, null));
        } finally {
            metadata.dropAll(engine);
        }
    }
}
