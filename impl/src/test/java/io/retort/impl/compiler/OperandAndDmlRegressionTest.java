package io.retort.impl.compiler;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.CompileException;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.SqlNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL that meant something other than the Java said, found in review; each case fails on the code before it. */
class OperandAndDmlRegressionTest {
    private static final MetaData METADATA = new MetaData();
    private static final Table T = METADATA.table("t", column("id", INTEGER).primaryKey(), column("a", INTEGER),
            column("b", INTEGER), column("price", numeric(10, 2)));
    private static final Table U = METADATA.table("u", column("id", INTEGER).primaryKey(), column("t_id", INTEGER),
            column("price", numeric(10, 2)));

    private static String sql(String dialect, SqlNode statement) {
        return ExpressionCompiler.compile(Drivers.dialect(dialect), statement).sql();
    }

    /** A predicate as the operand of IS NULL, a comparison, IN or BETWEEN is parenthesized (precedence). */
    @Test
    void aPredicateOperandIsParenthesized() {
        var either = T.c("a").eq(1).or(T.c("b").eq(2));
        assertThat(sql("postgresql", select(T.c("id")).where(either.isNull())))
                .isEqualTo("SELECT t.id FROM t WHERE (t.a = ? OR t.b = ?) IS NULL");
        assertThat(sql("postgresql", select(T.c("id")).where(T.c("a").gt(1).eq(T.c("b").gt(2)))))
                .isEqualTo("SELECT t.id FROM t WHERE (t.a > ?) = (t.b > ?)");
    }

    /** An integer divided by a decimal is not an integer division on MySQL and MariaDB (DIV would truncate). */
    @Test
    void integerDivisionOnlyWhenBothOperandsAreIntegers() {
        assertThat(sql("mariadb", select(T.c("a").dividedBy(T.c("price")))))
                .isEqualTo("SELECT (t.a / t.price) FROM t");
        assertThat(sql("mariadb", select(T.c("a").dividedBy(T.c("b")))))
                .isEqualTo("SELECT (t.a DIV t.b) FROM t");
    }

    /** RETURNING of an UPDATE ... FROM names its table: unqualified, PostgreSQL would find it ambiguous. */
    @Test
    void returningOfAnUpdateWithOtherTablesIsQualified() {
        var moved = update(T).values(Map.of("price", new BigDecimal("1.00"))).where(T.c("id").eq(U.c("t_id")))
                .returning(T.c("id"), T.c("price"));
        assertThat(sql("postgresql", moved)).isEqualTo("UPDATE t SET price=? FROM u WHERE t.id = u.t_id RETURNING"
                + " t.id, t.price");
        assertThat(sql("postgresql", update(T).values(Map.of("a", 1)).returning(T.c("id"))))
                .isEqualTo("UPDATE t SET a=? RETURNING id");
    }

    /** Two different CTEs with one name in one statement are refused (the second body was silently dropped). */
    @Test
    void twoDifferentCtesOfOneNameAreRefused() {
        var first = select(T.c("id")).where(T.c("a").eq(1)).cte("c");
        var second = select(T.c("id")).where(T.c("b").eq(2)).cte("c");
        assertThatThrownBy(() -> sql("postgresql", select(first.c("id")).union(select(second.c("id")))))
                .isInstanceOf(CompileException.class)
                .hasMessage("Two different CTEs are named 'c' in one statement; WITH can declare the name once, so"
                        + " give them distinct names");
    }
}
