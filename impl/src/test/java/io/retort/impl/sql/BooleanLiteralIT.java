package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.falseValue;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.trueValue;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** Issue 21: true() and false() (test_operators.py ConjunctionTest test_is_true_literal, BooleanEvalTest). */
class BooleanLiteralIT {
    private static Table flags(MetaData metadata) {
        return metadata.table("flags", column("id", INTEGER).primaryKey());
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table FLAGS = flags(SHAPES);

    @DatabaseTest
    void trueAndFalse(Engine engine, TestDatabase database) {
        var none = select(count()).from(FLAGS).where(falseValue());
        var all = select(count()).from(FLAGS).where(trueValue());
        var negated = select(count()).from(FLAGS).where(not(falseValue()));
        assertSql(none, database, "SELECT count(*) FROM flags WHERE false");
        assertSql(negated, database, "SELECT count(*) FROM flags WHERE NOT (false)");
        assertThat(trueValue()).hasToString("true");
        MetaData metadata = new MetaData();
        Table flags = flags(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(flags).values(List.of(Map.of("id", 1), Map.of("id", 2))));
            assertThat(conn.execute(none).scalar()).isEqualTo(0L);
            assertThat(conn.execute(all).scalar()).isEqualTo(2L);
            assertThat(conn.execute(negated).scalar()).isEqualTo(2L);
            assertThat(conn.execute(select(trueValue().label("t"), falseValue().label("f"))).one().values())
                    .containsExactly(true, false);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
