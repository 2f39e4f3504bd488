package io.retort.impl.orm.decimal;

import static io.retort.schema.Schema.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import io.retort.types.Types;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code BigDecimal} column declared without a precision keeps its fraction on the four databases. SQLAlchemy's
 * {@code Numeric()} renders a bare {@code NUMERIC} (test/sql/test_types.py NumericTest); a bare NUMERIC is exact with
 * any scale on PostgreSQL and SQLite, but H2 2.x gives it scale 0 and MariaDB DECIMAL(10, 0), which would round
 * 12.345 to 12 without a word: Retort renders those two with a scale that keeps the fraction.
 */
class PlainDecimalIT {

    @Mapped(table = "prices")
    static class Price {
        @Id @Nullable Integer id;
        @Nullable BigDecimal amount;

        Price() {
        }

        Price(BigDecimal amount) {
            this.amount = amount;
        }
    }

    @DatabaseTest
    void aPlainBigDecimalFieldKeepsItsFraction(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Price.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.addAll(List.of(new Price(new BigDecimal("12.345")), new Price(new BigDecimal("-0.000001")),
                        new Price(new BigDecimal("123456789012.5"))));
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                List<Price> prices = session.scalars(Orm.select(Price.class).orderBy(PlainDecimalIT_Price_.id))
                        .all();
                assertThat(prices).extracting(p -> p.amount).usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(new BigDecimal("12.345"), new BigDecimal("-0.000001"),
                                new BigDecimal("123456789012.5"));
                // found by its exact value
                assertThat(session.scalars(Orm.select(Price.class)
                        .where(PlainDecimalIT_Price_.amount.eq(new BigDecimal("12.345")))).all()).hasSize(1);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aCoreNumericColumnWithoutPrecisionKeepsItsFraction(TestEngines engines) {
        Engine engine = engines.engine();
        MetaData metadata = new MetaData();
        Table amounts = metadata.table("amounts", column("id", Types.INTEGER).primaryKey(),
                column("v", Types.NUMERIC));
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.insert(amounts), Map.of("id", 1, "v", new BigDecimal("12.345")));
            BigDecimal read = (BigDecimal) conn.execute(Sql.select(amounts.c("v"))).scalar();
            assertThat(read).isEqualByComparingTo("12.345");
            conn.execute(Sql.insert(amounts), Map.of("id", 2, "v", new BigDecimal("10.00")));
            BigDecimal ten = (BigDecimal) conn.execute(Sql.select(amounts.c("v")).where(amounts.c("id").eq(2)))
                    .scalar();
            assertThat(ten).isEqualByComparingTo("10");
            assertThat(ten.toString()).doesNotContain("E"); // plain notation (H2's DECFLOAT gives 1E+1)
            // reflected back as a NUMERIC without precision (MariaDB: the DECIMAL(65, 30) it was given)
            assertThat(conn.inspector().columns("amounts").get(1).type()).isIn(Types.NUMERIC, Types.numeric(65, 30));
        } finally {
            metadata.dropAll(engine);
        }
    }
}
