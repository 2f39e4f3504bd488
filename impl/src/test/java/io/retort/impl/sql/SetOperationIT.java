package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.DerivedTable;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21: set operations as a subquery or CTE body, with OFFSET, and as the rows of an INSERT ... SELECT
 * (test_compiler.py SelectTest test_union_*, test_cte.py CTETest test_union, test_insert.py test_insert_from_select_union).
 */
class SetOperationIT {
    private static final MetaData SHAPES = new MetaData();
    private static final Table T1 = t(SHAPES, "t1");
    private static final Table T2 = t(SHAPES, "t2");
    private static final Table T3 = t(SHAPES, "t3");

    private static Table t(MetaData metadata, String name) {
        return metadata.table(name, column("id", INTEGER).primaryKey(), column("v", INTEGER));
    }

    @DatabaseTest
    void unionAsSubqueryCteAndInsertRows(Engine engine, TestDatabase database) {
        var union = select(T1.c("v")).union(select(T2.c("v")));
        DerivedTable u = union.subquery("u");
        var counted = select(count()).from(u).where(u.c("v").gt(1));
        assertSql(counted, database, "SELECT count(*) FROM (SELECT t1.v FROM t1 UNION SELECT t2.v FROM t2) AS u"
                + " WHERE u.v > ?");
        CommonTableExpression all = select(T1.c("v")).unionAll(select(T2.c("v"))).cte("all_v");
        var fromCte = select(all.c("v")).orderBy(all.c("v"));
        assertSql(fromCte, database, "WITH all_v(v) AS (SELECT t1.v FROM t1 UNION ALL SELECT t2.v FROM t2)"
                + " SELECT all_v.v FROM all_v ORDER BY all_v.v");
        var page = union.orderBy(T1.c("v").desc()).limit(2).offset(1);
        assertSql(page, database, "SELECT t1.v FROM t1 UNION SELECT t2.v FROM t2 ORDER BY v DESC"
                + (database == TestDatabase.H2 ? " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY" : " LIMIT ? OFFSET ?"));
        var copy = insert(T3).fromSelect(List.of("id", "v"), select(T1.c("id"), T1.c("v"))
                .unionAll(select(T2.c("id").plus(10), T2.c("v"))));
        assertSql(copy, database, "INSERT INTO t3 (id, v) SELECT t1.id, t1.v FROM t1 UNION ALL"
                + " SELECT (t2.id + ?), t2.v FROM t2");
        MetaData metadata = new MetaData();
        Table t1 = t(metadata, "t1");
        Table t2 = t(metadata, "t2");
        t(metadata, "t3");
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(t1).values(List.of(Map.of("id", 1, "v", 1), Map.of("id", 2, "v", 2))));
            conn.execute(insert(t2).values(List.of(Map.of("id", 1, "v", 2), Map.of("id", 2, "v", 3))));
            assertThat(conn.execute(counted).scalar()).isEqualTo(2L);
            assertThat(conn.execute(fromCte).scalars().all()).containsExactly(1, 2, 2, 3);
            assertThat(conn.execute(page).scalars().all()).containsExactly(2, 1);
            assertThat(conn.execute(copy).rowCount()).isEqualTo(4);
            assertThat(conn.execute(select(T3.c("id")).orderBy(T3.c("id"))).scalars().all())
                    .containsExactly(1, 2, 11, 12);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
