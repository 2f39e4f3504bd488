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
}
