package io.retort.impl.compiler;

import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.values;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.CompileException;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.dialect.Drivers;
import io.retort.sql.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VALUES table's errors, its readable form and its cache key (rows' values bound, their number in the key). */
class ValuesTableTest {
    private static Values pairs(List<? extends List<?>> rows) {
        return values("v").column("a", INTEGER).column("b", string(5)).data(rows);
    }

    /** SQLAlchemy: test/sql/test_values.py::ValuesTest::test_wrong_number_of_elements (raised at data() here). */
    @Test
    void rowWithAnotherNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> pairs(List.of(List.of(1, "x", 99)))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Row 1 of VALUES v has 3 values, but the columns are [a, b]");
        assertThatThrownBy(() -> pairs(List.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("needs at least one row");
        assertThatThrownBy(() -> values("v").data(List.of(List.of(1)))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("has no column");
        assertThatThrownBy(() -> values("v").column("a", INTEGER).column("a", INTEGER))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("already has a column 'a'");
        Values noRows = values("v").column("a", INTEGER);
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("postgresql"), select(noRows)))
                .isInstanceOf(CompileException.class).hasMessageContaining("VALUES v has no rows");
    }

    @Test
    void toStringShowsTheStatement() {
        assertThat(select(pairs(List.of(List.of(1, "x")))).toString())
                .isEqualTo("SELECT v.a, v.b FROM (VALUES (:param, :param_1)) AS v (a, b)");
    }

    /** Equal shapes share a key and bind their own values; another number of rows is another key. */
    @Test
    void cacheKeyCountsRowsAndBindsValues() {
        var one = CacheKeyWalker.walk(select(pairs(List.of(List.of(1, "x"), List.of(2, "y")))));
        var two = CacheKeyWalker.walk(select(pairs(List.of(List.of(3, "z"), List.of(4, "w")))));
        var three = CacheKeyWalker.walk(select(pairs(List.of(List.of(3, "z")))));
        assertThat(one.key()).isEqualTo(two.key());
        assertThat(one.key()).isNotEqualTo(three.key());
        assertThat(ExpressionCompiler.collect(Drivers.dialect("sqlite"),
                select(pairs(List.of(List.of(3, "z"), List.of(4, "w"))))).values()).containsExactly(3, "z", 4, "w");
    }
}
