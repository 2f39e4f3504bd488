package io.retort.impl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.exception.CompileException;
import io.retort.impl.compiler.CacheKeyWalker;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.sql.SqlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The single-walk cache key against every conformance statement, on every dialect: statements with equal keys
 * compile to the same SQL (a key that left out something the SQL depends on would give one statement another's SQL
 * from the cache, without a word), the same statement built twice has one key, and the values one walk gives, put in
 * placeholder order by the compiled form, are those the compiler itself binds.
 * SQLAlchemy: test/sql/test_compare.py::CacheKeyTest (keys differ where the SQL does, values extracted in one pass).
 */
class CacheKeyTest {
    private static final List<String> DIALECTS = List.of("sqlite", "h2", "postgresql", "mariadb", "mysql");

    @Test
    void equalKeysCompileToTheSameSqlAndValuesComeFromTheWalk() {
        int compared = 0;
        int rebuiltWithSameKey = 0;
        for (String dialectName : DIALECTS) {
            Dialect dialect = Drivers.dialect(dialectName);
            Map<Object, String> sqlByKey = new HashMap<>();
            Map<Object, String> sourceByKey = new HashMap<>();
            for (ConformanceCase c : ConformanceTest.cases()) {
                SqlNode statement = c.statement().get();
                CacheKeyWalker walked = CacheKeyWalker.walk(statement);
                ExpressionCompiler.Keyed keyed;
                try {
                    keyed = ExpressionCompiler.compileKeyed(dialect, statement, walked);
                } catch (CompileException refused) {
                    continue;
                }
                String sql = keyed.statement().sql();
                String known = sqlByKey.putIfAbsent(walked.key(), sql);
                assertThat(known == null ? sql : known).as("%s and %s share a key on %s", c.source(),
                        sourceByKey.get(walked.key()), dialectName).isEqualTo(sql);
                sourceByKey.putIfAbsent(walked.key(), c.source());
                // The same statement built again has the same key (unless it builds its tables anew: tables are
                // keys by identity), and its own walk's values in placeholder order.
                SqlNode again = c.statement().get();
                CacheKeyWalker walkedAgain = CacheKeyWalker.walk(again);
                if (walkedAgain.key().equals(walked.key())) {
                    rebuiltWithSameKey++;
                } else {
                    again = statement;
                    walkedAgain = walked;
                }
                ExpressionCompiler.Bound expected = ExpressionCompiler.collect(dialect, again);
                ExpressionCompiler.Bound bound = walkedAgain.bound(keyed.valueSources());
                assertThat(bound.values()).as("%s on %s", c.source(), dialectName).isEqualTo(expected.values());
                assertThat(bound.types()).as("%s on %s", c.source(), dialectName).isEqualTo(expected.types());
                compared++;
            }
            assertThat(sqlByKey.size()).as(dialectName).isGreaterThan(100);
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(rebuiltWithSameKey).isGreaterThan(400);
    }

    /**
     * Statements that differ only in the shape of an array expression or a table-valued function (operator, ANY
     * or ALL, element type, column list, types in it, LATERAL, alias, column-valued) have different keys, so none is
     * given another's compiled SQL; the same shape built again, with other values, has the same key.
     */
    @Test
    void arrayAndTableValuedShapesHaveTheirOwnKeys() {
        io.retort.schema.Column<Object> x = ArrayCases.ARRTABLE.c("x");
        java.util.function.Supplier<io.retort.sql.FunctionCall<Object>> series = () -> io.retort.sql.Sql.function(
                "generate_series", io.retort.sql.Sql.literal(io.retort.types.Types.INTEGER, 1),
                io.retort.sql.Sql.literal(io.retort.types.Types.INTEGER, 3));
        java.util.function.Function<io.retort.sql.TableValuedFunction, SqlNode> selectN =
                f -> io.retort.sql.Sql.select(f.c("n"));
        List<SqlNode> shapes = List.of(
                io.retort.sql.SqlArray.contains(x, List.of(1)),
                io.retort.sql.SqlArray.containedBy(x, List.of(1)),
                io.retort.sql.SqlArray.overlap(x, List.of(1)),
                io.retort.sql.Sql.literal(io.retort.types.Types.INTEGER, 1).eq(io.retort.sql.SqlArray.any(x)),
                io.retort.sql.Sql.literal(io.retort.types.Types.INTEGER, 1).eq(io.retort.sql.SqlArray.all(x)),
                io.retort.sql.SqlArray.of(io.retort.types.Types.INTEGER, 1, 2),
                io.retort.sql.SqlArray.of(io.retort.types.Types.BIGINT, 1L, 2L),
                io.retort.sql.SqlArray.get(x, 1),
                selectN.apply(series.get().tableValued("n")),
                selectN.apply(series.get().tableValued("n").renderDerived()),
                selectN.apply(series.get().tableValued().column("n", io.retort.types.Types.INTEGER)
                        .renderDerivedWithTypes()),
                selectN.apply(series.get().tableValued().column("n", io.retort.types.Types.BIGINT)
                        .renderDerivedWithTypes()),
                selectN.apply(series.get().tableValued("n").lateral()),
                selectN.apply(series.get().tableValued("n").named("s")),
                io.retort.sql.Sql.select(series.get().columnValued("n")));
        assertEachHasItsOwnKey(shapes);
        // The same shape with other values shares the key.
        assertThat(CacheKeyWalker.walk(io.retort.sql.SqlArray.contains(x, List.of(7, 8))).key())
                .isEqualTo(CacheKeyWalker.walk(io.retort.sql.SqlArray.contains(x, List.of(1))).key());
        assertThat(CacheKeyWalker.walk(selectN.apply(io.retort.sql.Sql.function("generate_series",
                io.retort.sql.Sql.literal(io.retort.types.Types.INTEGER, 5), io.retort.sql.Sql.literal(
                io.retort.types.Types.INTEGER, 9)).tableValued("n").renderDerived())).key())
                .isEqualTo(CacheKeyWalker.walk(selectN.apply(series.get().tableValued("n").renderDerived())).key());
    }

    /**
     * SELECTs that differ only in which optional clause holds an element (LIMIT or OFFSET, WHERE or HAVING, GROUP BY
     * or ORDER BY, the kinds of row lock, correlation, DISTINCT, a prefix) have different keys: the key names the
     * clauses present with one token of flags and then walks only those, so each must change the flags or the tokens.
     * Parameters that differ only in kind (a value, a named parameter, an expanding one) have different keys too.
     */
    @Test
    void selectClauseShapesHaveTheirOwnKeys() {
        io.retort.schema.Table t = ArrayCases.ARRTABLE;
        io.retort.schema.Column<Object> x = t.c("x");
        java.util.function.Supplier<io.retort.sql.Select> base = () -> io.retort.sql.Sql.select(x);
        io.retort.sql.Predicate notNull = x.isNotNull();
        List<SqlNode> shapes = List.of(
                base.get(),
                base.get().limit(5),
                base.get().offset(5),
                base.get().limit(5).offset(5),
                base.get().orderBy(x).fetch(5, true),
                base.get().orderBy(x).limit(5),
                base.get().where(notNull),
                base.get().groupBy(x),
                base.get().groupBy(x).having(notNull),
                base.get().orderBy(x),
                base.get().distinct(),
                base.get().distinctOn(x),
                base.get().forUpdate(),
                base.get().forUpdateNoWait(),
                base.get().lock(io.retort.sql.RowLock.forShare()),
                base.get().prefixWith("SQL_NO_CACHE"),
                base.get().from(t),
                base.get().where(x.eq(io.retort.sql.Sql.bindParam("v", io.retort.types.Types.INTEGER))),
                base.get().where(x.in(List.of(1, 2))),
                base.get().where(x.eq(io.retort.sql.BindParameter.computed(io.retort.types.Types.INTEGER, () -> 1))),
                base.get().where(x.eq(1)));
        assertEachHasItsOwnKey(shapes);
        assertThat(CacheKeyWalker.walk(base.get().limit(7).offset(2)).key())
                .isEqualTo(CacheKeyWalker.walk(base.get().limit(5).offset(5)).key());
    }

    /** Each statement's key differs from every other's (on PostgreSQL, which compiles all of them). */
    private static void assertEachHasItsOwnKey(List<SqlNode> shapes) {
        Dialect postgresql = Drivers.dialect("postgresql");
        Map<Object, String> sqlByKey = new HashMap<>();
        for (SqlNode shape : shapes) {
            String sql = ExpressionCompiler.compile(postgresql, shape).sql();
            assertThat(sqlByKey.put(CacheKeyWalker.walk(shape).key(), sql)).as(sql).isNull();
        }
        assertThat(sqlByKey).hasSize(shapes.size());
    }
}
