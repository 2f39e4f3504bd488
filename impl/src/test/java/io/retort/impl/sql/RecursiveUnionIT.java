package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Issue 21: a recursive CTE with UNION, which ends on a graph with a cycle (test_cte.py CTETest test_recursive_union_no_alias_one). */
class RecursiveUnionIT {
    private static Table edges(MetaData metadata) {
        return metadata.table("edges", column("src", INTEGER), column("dst", INTEGER));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table EDGES = edges(SHAPES);

    @DatabaseTest
    void unionRecursionStopsOnACycle(Engine engine, TestDatabase database) {
        CommonTableExpression reach = select(EDGES.c("dst").label("node")).where(EDGES.c("src").eq(1))
                .recursiveCte("reach");
        reach = reach.union(select(EDGES.c("dst")).join(reach, EDGES.c("src").eq(reach.c("node"))));
        var statement = select(reach.c("node")).orderBy(reach.c("node"));
        if (database == TestDatabase.H2) {
            WrongMeaningRegressionIT.assertRefused(statement, database, "A recursive CTE with UNION (reach) is not"
                    + " supported by h2");
            return;
        }
        assertSql(statement, database, "WITH RECURSIVE reach(node) AS (SELECT edges.dst AS node FROM edges WHERE"
                + " edges.src = ? UNION SELECT edges.dst FROM edges JOIN reach ON edges.src = reach.node)"
                + " SELECT reach.node FROM reach ORDER BY reach.node");
        MetaData metadata = new MetaData();
        Table edges = edges(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(edges).values(List.of(Map.of("src", 1, "dst", 2), Map.of("src", 2, "dst", 3),
                    Map.of("src", 3, "dst", 1))));
            assertThat(conn.execute(statement).scalars().all()).containsExactly(1, 2, 3);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
