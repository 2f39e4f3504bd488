package io.retort.impl.engine;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Select;
import org.junit.jupiter.api.Test;

/**
 * A statement's shape (placeholder types, named parameters, result types) is kept per cache entry and reused for new
 * statement objects of the same structure, after {@link StatementShape#fits} checks it: a value read with another
 * statement's result types would be wrong without a word.
 */
class StatementShapeTest {
    private static final Dialect DIALECT = Drivers.dialect("h2");
    private static final Table T = new MetaData().table("t", column("id", INTEGER).primaryKey(),
            column("name", string(20)), column("n", INTEGER));

    private static StatementShape shapeOf(Select statement) {
        return StatementShape.of(statement, ExpressionCompiler.collect(DIALECT, statement));
    }

    private static boolean fits(StatementShape shape, Select statement) {
        return shape.fits(statement, ExpressionCompiler.collect(DIALECT, statement));
    }

    @Test
    void aStatementOfTheSameStructureWithOtherValuesFits() {
        StatementShape shape = shapeOf(select(T.c("id"), T.c("name")).where(T.c("id").eq(1)));
        assertThat(fits(shape, select(T.c("id"), T.c("name")).where(T.c("id").eq(2)))).isTrue();
    }

    @Test
    void otherResultTypesOrAnotherNumberOfResultColumnsDoNotFit() {
        StatementShape shape = shapeOf(select(T.c("id"), T.c("name")).where(T.c("id").eq(1)));
        assertThat(fits(shape, select(T.c("name"), T.c("id")).where(T.c("id").eq(1)))).isFalse();
        assertThat(fits(shape, select(T.c("id"), T.c("name"), T.c("n")).where(T.c("id").eq(1)))).isFalse();
        assertThat(fits(shape, select(T.c("id")).where(T.c("id").eq(1)))).isFalse();
    }

    @Test
    void otherPlaceholderTypesOrNamedParametersDoNotFit() {
        StatementShape shape = shapeOf(select(T.c("id")).where(T.c("id").eq(bindParam("k", INTEGER))));
        assertThat(fits(shape, select(T.c("id")).where(T.c("id").eq(bindParam("k", INTEGER))))).isTrue();
        assertThat(fits(shape, select(T.c("id")).where(T.c("id").eq(bindParam("other", INTEGER))))).isFalse();
        assertThat(fits(shape, select(T.c("id")).where(T.c("id").eq(7)))).isFalse();
        assertThat(fits(shape, select(T.c("id")).where(T.c("name").eq(bindParam("k", string(20)))))).isFalse();
    }
}
