package io.retort.impl.sql;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.max;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.CompileException;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.SqlNode;
import io.retort.sql.TableAlias;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 21's statements that compiled to SQL of another meaning: each test asserts the SQL per dialect and runs it on
 * every database (or asserts the compile error where the database cannot run it). Table and column names follow
 * SQLAlchemy's {@code test/sql/test_compiler.py} ({@code mytable}, {@code myothertable}).
 */
class WrongMeaningRegressionIT {

    private static Table mytable(MetaData metadata) {
        return metadata.table("mytable", column("id", INTEGER).primaryKey(), column("x", INTEGER),
                column("name", string(32)));
    }

    private static Table myothertable(MetaData metadata) {
        return metadata.table("myothertable", column("id", INTEGER).primaryKey(), column("mytable_id", INTEGER),
                column("v", INTEGER));
    }

    /** Creates the two tables with three rows each, runs the test and drops them. */
    private static void withRows(Engine engine, Consumer<Connection> test) {
        MetaData metadata = new MetaData();
        Table mytable = mytable(metadata);
        Table myothertable = myothertable(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(mytable).values(List.of(Map.of("id", 1, "x", 1, "name", "a"),
                    Map.of("id", 2, "x", 5, "name", "b"), Map.of("id", 3, "x", 9, "name", "c"))));
            conn.execute(insert(myothertable).values(List.of(Map.of("id", 1, "mytable_id", 1, "v", 10),
                    Map.of("id", 2, "mytable_id", 2, "v", 20), Map.of("id", 3, "mytable_id", 2, "v", 30))));
            test.accept(conn);
        } finally {
            metadata.dropAll(engine);
        }
    }

    static void assertSql(SqlNode statement, TestDatabase database, String sql) {
        assertThat(ExpressionCompiler.compile(Drivers.dialect(database.id()), statement).sql()).as(database.id())
                .isEqualTo(sql);
    }

    static void assertRefused(SqlNode statement, TestDatabase database, String message) {
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect(database.id()), statement))
                .as(database.id()).isInstanceOf(CompileException.class).hasMessageContaining(message);
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table MYTABLE = mytable(SHAPES);
    private static final Table MYOTHERTABLE = myothertable(SHAPES);

    /** test_compiler.py CorrelateTest: a subquery of one FROM item on the enclosing table keeps its FROM. */
    @DatabaseTest
    void scalarSubqueryOnTheEnclosingTableKeepsItsFrom(Engine engine, TestDatabase database) {
        var total = select(count()).from(MYTABLE).scalarSubquery();
        var statement = select(MYTABLE.c("id"), total.label("n")).orderBy(MYTABLE.c("id"));
        assertSql(statement, database, "SELECT mytable.id, (SELECT count(*) FROM mytable) AS n FROM mytable"
                + " ORDER BY mytable.id");
        assertSql(select(MYTABLE).addColumns(select(MYTABLE.c("id")).where(MYTABLE.c("x").eq(9)).scalarSubquery()),
                database, "SELECT mytable.id, mytable.x, mytable.name, (SELECT mytable.id FROM mytable"
                        + " WHERE mytable.x = ?) FROM mytable");
        withRows(engine, conn -> assertThat(conn.execute(statement).all()).extracting(row -> row.values())
                .containsExactly(List.of(1, 3L), List.of(2, 3L), List.of(3, 3L)));
    }

    /** test_compiler.py CorrelateTest test_correlate_semiauto_*, test_correlate_except_*. */
    @DatabaseTest
    void correlateAndCorrelateExceptChooseTheCorrelatedTables(Engine engine, TestDatabase database) {
        var auto = select(count()).from(MYOTHERTABLE).where(MYOTHERTABLE.c("mytable_id").eq(MYTABLE.c("id")));
        var correlated = select(MYTABLE.c("id"), auto.correlate(MYTABLE).scalarSubquery().label("n"))
                .orderBy(MYTABLE.c("id"));
        assertSql(correlated, database, "SELECT mytable.id, (SELECT count(*) FROM myothertable"
                + " WHERE myothertable.mytable_id = mytable.id) AS n FROM mytable ORDER BY mytable.id");
        assertSql(select(MYTABLE.c("id"), auto.scalarSubquery()), database, "SELECT mytable.id, (SELECT count(*)"
                + " FROM myothertable WHERE myothertable.mytable_id = mytable.id) FROM mytable");
        var uncorrelated = select(MYTABLE.c("id"), auto.correlate().scalarSubquery().label("n"))
                .orderBy(MYTABLE.c("id"));
        assertSql(uncorrelated, database, "SELECT mytable.id, (SELECT count(*) FROM myothertable, mytable"
                + " WHERE myothertable.mytable_id = mytable.id) AS n FROM mytable ORDER BY mytable.id");
        assertSql(select(MYTABLE.c("id"), auto.correlateExcept(MYTABLE).scalarSubquery()), database,
                "SELECT mytable.id, (SELECT count(*) FROM myothertable, mytable"
                        + " WHERE myothertable.mytable_id = mytable.id) FROM mytable");
        // Both FROM items are in the enclosing FROM: correlating them all would leave none.
        var both = select(count()).from(MYOTHERTABLE, MYTABLE).where(MYOTHERTABLE.c("mytable_id").eq(MYTABLE.c("id")));
        assertRefused(select(MYTABLE.c("id"), MYOTHERTABLE.c("id"), both.scalarSubquery()), database,
                "A subquery selecting from myothertable, mytable has no FROM clause left after correlating");
        withRows(engine, conn -> {
            assertThat(conn.execute(correlated).all()).extracting(row -> row.values())
                    .containsExactly(List.of(1, 1L), List.of(2, 2L), List.of(3, 0L));
            assertThat(conn.execute(uncorrelated).all()).extracting(row -> row.values())
                    .containsExactly(List.of(1, 3L), List.of(2, 3L), List.of(3, 3L));
        });
    }

    /** test_cte.py CTETest test_cte_refers_to_aliased_cte_twice, test_recursive_union_alias_*. */
    @DatabaseTest
    void cteUsedThroughAnAliasIsDeclared(Engine engine, TestDatabase database) {
        CommonTableExpression big = select(MYTABLE.c("id"), MYTABLE.c("x")).where(MYTABLE.c("x").gt(1)).cte("big");
        TableAlias rs = big.alias("rs");
        var throughAlias = select(rs.c("id")).orderBy(rs.c("id"));
        assertSql(throughAlias, database, "WITH big(id, x) AS (SELECT mytable.id, mytable.x FROM mytable"
                + " WHERE mytable.x > ?) SELECT rs.id FROM big AS rs ORDER BY rs.id");

        CommonTableExpression chain = select(MYTABLE.c("id")).where(MYTABLE.c("id").eq(1)).recursiveCte("chain");
        chain = chain.unionAll(select(MYTABLE.c("id")).join(chain, MYTABLE.c("id").eq(chain.c("id").plus(1))));
        TableAlias link = chain.alias("link");
        var recursiveAlias = select(link.c("id")).orderBy(link.c("id"));
        assertSql(recursiveAlias, database, "WITH RECURSIVE chain(id) AS (SELECT mytable.id FROM mytable"
                + " WHERE mytable.id = ? UNION ALL SELECT mytable.id FROM mytable JOIN chain"
                + " ON mytable.id = (chain.id + ?)) SELECT link.id FROM chain AS link ORDER BY link.id");

        CommonTableExpression first = select(MYTABLE.c("id"), MYTABLE.c("x")).cte("first_cte");
        TableAlias a = first.alias("a");
        CommonTableExpression second = select(a.c("id")).where(a.c("x").gt(1)).cte("second_cte");
        var nested = select(second.c("id")).orderBy(second.c("id"));
        assertSql(nested, database, "WITH first_cte(id, x) AS (SELECT mytable.id, mytable.x FROM mytable),"
                + " second_cte(id) AS (SELECT a.id FROM first_cte AS a WHERE a.x > ?) SELECT second_cte.id"
                + " FROM second_cte ORDER BY second_cte.id");
        withRows(engine, conn -> {
            assertThat(conn.execute(throughAlias).scalars().all()).containsExactly(2, 3);
            assertThat(conn.execute(recursiveAlias).scalars().all()).containsExactly(1, 2, 3);
            assertThat(conn.execute(nested).scalars().all()).containsExactly(2, 3);
        });
    }

    /** test_cte.py CTETest test_update_w_cte_in_where / test_delete_w_cte_in_where (as subquery). */
    @DatabaseTest
    void cteNamedByTheWhereOfAnUpdateIsDeclared(Engine engine, TestDatabase database) {
        CommonTableExpression hot = select(MYOTHERTABLE.c("mytable_id")).where(MYOTHERTABLE.c("v").gt(15))
                .cte("hot");
        var inSubquery = update(MYTABLE).values(Map.of("x", 0))
                .where(MYTABLE.c("id").in(select(hot.c("mytable_id"))));
        var direct = update(MYTABLE).values(Map.of("x", 0)).where(MYTABLE.c("id").eq(hot.c("mytable_id")));
        String cte = "hot(mytable_id) AS (SELECT myothertable.mytable_id FROM myothertable WHERE myothertable.v > ?)";
        if (database == TestDatabase.MARIADB || database == TestDatabase.H2) {
            assertSql(inSubquery, database, "UPDATE mytable SET x=? WHERE mytable.id IN (WITH " + cte
                    + " SELECT hot.mytable_id FROM hot)");
            assertRefused(direct, database, "A WITH clause on UPDATE or DELETE (of mytable, naming CTE hot) is not"
                    + " supported by " + database.id());
        } else {
            assertSql(inSubquery, database, "WITH " + cte + " UPDATE mytable SET x=? WHERE mytable.id IN"
                    + " (SELECT hot.mytable_id FROM hot)");
        }
        if (database == TestDatabase.POSTGRESQL || database == TestDatabase.SQLITE) {
            assertSql(direct, database, "WITH " + cte + " UPDATE mytable SET x=? FROM hot"
                    + " WHERE mytable.id = hot.mytable_id");
        }
        withRows(engine, conn -> {
            assertThat(conn.execute(inSubquery).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(MYTABLE.c("x")).orderBy(MYTABLE.c("id"))).scalars().all())
                    .containsExactly(1, 0, 9);
            if (database == TestDatabase.POSTGRESQL || database == TestDatabase.SQLITE) {
                conn.execute(update(MYTABLE).values(Map.of("x", 7)).where(MYTABLE.c("id").eq(2)));
                assertThat(conn.execute(direct).rowCount()).isEqualTo(1);
                assertThat(conn.execute(select(MYTABLE.c("x")).orderBy(MYTABLE.c("id"))).scalars().all())
                        .containsExactly(1, 0, 9);
            }
        });
    }

    /** test_update.py UpdateTest test_correlated_update_*: a subquery in SET correlates to the updated table. */
    @DatabaseTest
    void subqueryInUpdateSetCorrelatesToTheUpdatedTable(Engine engine, TestDatabase database) {
        var highest = select(max(MYOTHERTABLE.c("v"))).where(MYOTHERTABLE.c("mytable_id").eq(MYTABLE.c("id")))
                .scalarSubquery();
        var statement = update(MYTABLE).values(Map.of("x", highest));
        assertSql(statement, database, "UPDATE mytable SET x=(SELECT max(myothertable.v) FROM myothertable"
                + " WHERE myothertable.mytable_id = mytable.id)");
        withRows(engine, conn -> {
            assertThat(conn.execute(statement).rowCount()).isEqualTo(3);
            assertThat(conn.execute(select(MYTABLE.c("x")).orderBy(MYTABLE.c("id"))).scalars().all())
                    .containsExactly(10, 30, null);
        });
    }

    /** test_delete.py DeleteFromTest test_delete_extra_froms, test_delete_extra_froms_alias; MySQL's USING. */
    @DatabaseTest
    void deleteNamingAnotherTableUsesUsing(Engine engine, TestDatabase database) {
        var statement = delete(MYTABLE).where(MYTABLE.c("id").eq(MYOTHERTABLE.c("mytable_id")),
                MYOTHERTABLE.c("v").eq(30));
        TableAlias a = MYTABLE.alias("a");
        var aliased = delete(a).where(a.c("id").eq(MYOTHERTABLE.c("mytable_id")), MYOTHERTABLE.c("v").eq(10));
        switch (database) {
            case POSTGRESQL:
                assertSql(statement, database, "DELETE FROM mytable USING myothertable"
                        + " WHERE mytable.id = myothertable.mytable_id AND myothertable.v = ?");
                assertSql(aliased, database, "DELETE FROM mytable AS a USING myothertable"
                        + " WHERE a.id = myothertable.mytable_id AND myothertable.v = ?");
                break;
            case MARIADB:
                assertSql(statement, database, "DELETE FROM mytable USING mytable, myothertable"
                        + " WHERE mytable.id = myothertable.mytable_id AND myothertable.v = ?");
                assertSql(aliased, database, "DELETE FROM a USING mytable AS a, myothertable"
                        + " WHERE a.id = myothertable.mytable_id AND myothertable.v = ?");
                break;
            default:
                assertRefused(statement, database, "DELETE ... USING (mytable with myothertable) is not supported by "
                        + database.id() + "; compare with a subquery instead");
                return;
        }
        withRows(engine, conn -> {
            assertThat(conn.execute(statement).rowCount()).isEqualTo(1);
            assertThat(conn.execute(aliased).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(MYTABLE.c("id"))).scalars().all()).containsExactly(3);
        });
    }

    /**
     * An integer column divided by an integer is an integer on every database: MySQL and MariaDB, whose {@code /}
     * gives a decimal (5 / 2 = 2.5000), would otherwise have it read back as the column's Integer type, truncated
     * without a word.
     */
    @DatabaseTest
    void integerDivisionIsIntegerDivisionEverywhere(Engine engine, TestDatabase database) {
        MetaData metadata = new MetaData();
        Table typed = mytable(metadata);
        var divided = select(typed.c("x").dividedBy(2).label("half"), typed.c("x").modulo(2).label("rest"))
                .where(typed.c("id").eq(2));
        assertSql(divided, database, database.id().equals("mariadb")
                ? "SELECT (mytable.x DIV ?) AS half, (mytable.x % ?) AS rest FROM mytable WHERE mytable.id = ?"
                : "SELECT (mytable.x / ?) AS half, (mytable.x % ?) AS rest FROM mytable WHERE mytable.id = ?");
        withRows(engine, conn -> assertThat(conn.execute(divided).one().values()).containsExactly(2, 1));
    }

    /** test_operators.py: comparisons and arithmetic between two columns of an alias (typed Object). */
    @DatabaseTest
    void comparisonsAndArithmeticTakeExpressions(Engine engine, TestDatabase database) {
        TableAlias t = MYTABLE.alias("t");
        var highest = select(max(MYTABLE.c("x"))).scalarSubquery();
        var compared = select(t.c("id")).where(t.c("x").gt(t.c("id")), t.c("x").lt(highest), t.c("x").ge(t.c("x")),
                t.c("id").le(t.c("x")), t.c("x").ne((Object) t.c("id"))).orderBy(t.c("id"));
        assertSql(compared, database, "SELECT t.id FROM mytable AS t WHERE t.x > t.id AND t.x < (SELECT"
                + " max(mytable.x) FROM mytable) AND t.x >= t.x AND t.id <= t.x AND t.x <> t.id ORDER BY t.id");
        var arithmetic = select(t.c("x").minus(t.c("id")), t.c("x").times(t.c("id")), t.c("x").dividedBy(t.c("id")),
                t.c("x").modulo(t.c("id").plus(1)), t.c("x").plus(t.c("id"))).where(t.c("id").eq(3));
        assertSql(arithmetic, database, "SELECT (t.x - t.id), (t.x * t.id), (t.x " + (database.id().equals("mariadb")
                ? "DIV" : "/") + " t.id), (t.x % (t.id + ?)), (t.x + t.id) FROM mytable AS t WHERE t.id = ?");
        withRows(engine, conn -> {
            assertThat(conn.execute(compared).scalars().all()).containsExactly(2);
            List<Object> values = conn.execute(arithmetic).one().values();
            assertThat(values).containsExactly(6, 27, 3, 1, 12);
        });
    }
}
