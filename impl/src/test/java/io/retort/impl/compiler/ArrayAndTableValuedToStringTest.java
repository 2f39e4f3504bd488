package io.retort.impl.compiler;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.array;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.SqlArray;
import io.retort.sql.TableValuedFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code toString()} of arrays and table-valued functions shows their SQL (PostgreSQL's, with named parameters). */
class ArrayAndTableValuedToStringTest {
    private static final Table T = new MetaData().table("t", column("id", INTEGER), column("xs", array(INTEGER)));

    @Test
    void arraysPrintAsSql() {
        assertThat(array(INTEGER).toString()).isEqualTo("INTEGER[]");
        assertThat(SqlArray.of(INTEGER, 1, 2).toString()).isEqualTo("ARRAY[:param, :param_1]");
        assertThat(SqlArray.get(T.c("xs"), 1).toString()).isEqualTo("t.xs[:index]");
        assertThat(SqlArray.slice(T.c("xs"), 1, 2).toString()).isEqualTo("t.xs[:index::index_1]");
        assertThat(SqlArray.any(T.c("xs")).eq(3).toString()).isEqualTo(":param = ANY (t.xs)");
        assertThat(SqlArray.overlap(T.c("xs"), List.of(1)).toString()).isEqualTo("t.xs && :xs");
        assertThat(select(SqlArray.agg(T.c("id"))).toString()).isEqualTo("SELECT array_agg(t.id) FROM t");
    }

    @Test
    void tableValuedFunctionsPrintAsSql() {
        TableValuedFunction series = function("generate_series", literal(INTEGER, 1), literal(INTEGER, 3))
                .tableValued().column("n", INTEGER).renderDerived().named("s");
        assertThat(series.toString()).isEqualTo("generate_series(:param, :param_1) AS s(n)");
        assertThat(select(series.c("n")).toString())
                .isEqualTo("SELECT s.n FROM generate_series(:param, :param_1) AS s(n)");
        var x = function("unnest", INTEGER, T.c("xs")).columnValued("x");
        assertThat(x.toString()).isEqualTo("x");
        assertThat(select(x).toString()).isEqualTo("SELECT x FROM unnest(t.xs) AS x");
    }

    /** Misuse is refused when the expression is built, naming the fix. */
    @Test
    void misuseIsRefusedWhenBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlArray.get(T.c("id"), 1))
                .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                .hasMessage("SqlArray.get needs an array, but t.id is of type INTEGER; declare the column as"
                        + " Types.array(elementType)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> array(array(INTEGER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("An array of arrays (INTEGER[][]) is not supported");
        TableValuedFunction f = function("json_each", T.c("id")).tableValued("key", "value");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.alias("kv"))
                .hasMessage("A table-valued function is named with named(\"kv\"), not alias(...)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.c("nope"))
                .hasMessage("Table-valued function json_each AS anon_1 has no column 'nope'; its columns are [key,"
                        + " value]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.column("key", INTEGER))
                .hasMessage("Table-valued function json_each already has a column 'key'");
    }
}
