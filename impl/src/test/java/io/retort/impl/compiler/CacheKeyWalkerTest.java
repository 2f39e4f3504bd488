package io.retort.impl.compiler;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.or;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.BindParameter;
import io.retort.sql.SqlNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The single walk's ways to bind a wrong value without a word, each shut: one parameter object used in two places
 * against two parameters of the same structure, a value computed at each execution (a client-side default), and
 * a value the compiler makes itself (a JSON path). SQLAlchemy: test/sql/test_compare.py::CacheKeyTest (bind
 * parameters extracted with the key).
 */
class CacheKeyWalkerTest {
    private static final Dialect DIALECT = Drivers.dialect("postgresql");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Table T = new MetaData().table("t", column("id", INTEGER).primaryKey(),
            column("x", INTEGER), column("n", INTEGER).defaultValue(COUNTER::incrementAndGet));

    private static List<Object> valuesOf(SqlNode compiledFrom, SqlNode executed) {
        ExpressionCompiler.Keyed keyed = ExpressionCompiler.compileKeyed(DIALECT, compiledFrom,
                CacheKeyWalker.walk(compiledFrom));
        CacheKeyWalker walked = CacheKeyWalker.walk(executed);
        assertThat(walked.key()).isEqualTo(CacheKeyWalker.walk(compiledFrom).key());
        return walked.bound(keyed.valueSources()).values();
    }

    /** One parameter in two places is not the same statement as two parameters: the keys differ. */
    @Test
    void aSharedParameterIsPartOfTheKey() {
        BindParameter<Integer> five = literal(INTEGER, 5);
        var shared = select(T.c("id")).where(or(T.c("id").eq(five), T.c("x").eq(five)));
        var separate = select(T.c("id")).where(or(T.c("id").eq(literal(INTEGER, 6)), T.c("x").eq(literal(INTEGER, 7))));
        assertThat(CacheKeyWalker.walk(shared).key()).isNotEqualTo(CacheKeyWalker.walk(separate).key());
        BindParameter<Integer> eight = literal(INTEGER, 8);
        assertThat(valuesOf(shared, select(T.c("id")).where(or(T.c("id").eq(eight), T.c("x").eq(eight)))))
                .containsExactly(8, 8);
        var other = select(T.c("id")).where(or(T.c("id").eq(literal(INTEGER, 1)), T.c("x").eq(literal(INTEGER, 2))));
        assertThat(valuesOf(separate, other)).containsExactly(1, 2);
    }

    /** A client-side default is computed for each execution, never the compiled statement's first value. */
    @Test
    void aComputedValueIsComputedAtEachExecution() {
        var statement = insert(T).values(Map.of("id", 1, "x", 2));
        List<Object> first = valuesOf(statement, statement);
        var other = insert(T).values(Map.of("id", 3, "x", 4));
        List<Object> second = valuesOf(statement, other);
        assertThat(first.get(2)).isNotEqualTo(second.get(2));
        // The given values in the compiled column order (Map.of's), as the compiler itself binds them.
        assertThat(second.subList(0, 2)).isEqualTo(ExpressionCompiler.collect(DIALECT, other).values().subList(0, 2))
                .containsExactlyInAnyOrder(3, 4);
    }

    /** Values in the order of the placeholders, whatever order the walk met them in (LIMIT, OFFSET and WHERE). */
    @Test
    void valuesFollowThePlaceholders() {
        var compiled = select(T.c("id")).where(T.c("x").eq(1)).limit(10).offset(20);
        var executed = select(T.c("id")).where(T.c("x").eq(2)).limit(30).offset(40);
        assertThat(valuesOf(compiled, executed)).containsExactly(2, 30, 40);
        assertThat(ExpressionCompiler.compile(Drivers.dialect("mariadb"), executed).sql())
                .isEqualTo("SELECT t.id FROM t WHERE t.x = ? LIMIT ? OFFSET ?");
    }
}
