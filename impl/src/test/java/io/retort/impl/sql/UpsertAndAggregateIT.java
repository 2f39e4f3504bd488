package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sqlCondition;
import static io.retort.sql.Sql.sum;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.ConflictTarget;
import io.retort.sql.Insert;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Issue 21's missing constructs, first part: aggregate DISTINCT and the upsert forms (SET to an expression, DO NOTHING
 * without a target, ON CONSTRAINT, a WHERE on the target), per dialect and on every database that has them.
 */
class UpsertAndAggregateIT {

    private static Table stock(MetaData metadata) {
        return metadata.table("stock", column("sku", string(10)).primaryKey(), column("qty", INTEGER).notNull(),
                column("note", string(20)));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table STOCK = stock(SHAPES);

    /** Column values in the order given (the INSERT lists its columns in that order). */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static List<List<Object>> rows(Connection conn) {
        return conn.execute(select(STOCK.c("sku"), STOCK.c("qty"), STOCK.c("note")).orderBy(STOCK.c("sku"))).all()
                .stream().map(row -> row.values()).toList();
    }

    /** test_functions.py test_count_distinct / test_compiler.py test_distinct (count(DISTINCT x)). */
    @DatabaseTest
    void aggregateDistinct(Engine engine, TestDatabase database) {
        var statement = select(count(STOCK.c("qty").distinct()), sum(STOCK.c("qty").distinct()));
        assertSql(statement, database, "SELECT count(DISTINCT stock.qty), sum(DISTINCT stock.qty) FROM stock");
        assertSql(select(STOCK.c("qty").negate()), database, "SELECT -stock.qty FROM stock");
        MetaData metadata = new MetaData();
        Table stock = stock(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(stock).values(List.of(Map.of("sku", "A", "qty", 2), Map.of("sku", "B", "qty", 2),
                    Map.of("sku", "C", "qty", 3))));
            var row = conn.execute(statement).one();
            assertThat(row.get(0)).isEqualTo(2L);
            assertThat(new BigDecimal(row.get(1).toString())).isEqualByComparingTo("5");
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_on_conflict.py test_on_conflict_do_update_exotic_targets_*, test_do_update_set_clause_literal. */
    @DatabaseTest
    void upsertSetsExpressionsOfTheProposedRow(Engine engine, TestDatabase database) {
        Insert add = insert(STOCK).values(row("sku", "A", "qty", 5));
        Insert upsert = add.onConflictDoUpdate(ConflictTarget.columns("sku"),
                Map.of("qty", STOCK.c("qty").plus(add.excluded("qty"))));
        switch (database) {
            case MARIADB:
                assertSql(upsert, database, "INSERT INTO stock (sku, qty) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE qty = (stock.qty + VALUES(qty))");
                break;
            case H2:
                assertSql(upsert, database, "MERGE INTO stock USING (VALUES (?, ?)) AS excluded (sku, qty)"
                        + " ON stock.sku = excluded.sku WHEN MATCHED THEN UPDATE SET qty = (stock.qty + excluded.qty)"
                        + " WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (excluded.sku, excluded.qty)");
                break;
            default:
                assertSql(upsert, database, "INSERT INTO stock (sku, qty) VALUES (?, ?)"
                        + " ON CONFLICT (sku) DO UPDATE SET qty = (stock.qty + excluded.qty)");
        }
        Insert noTarget = insert(STOCK).values(row("sku", "A", "qty", 99)).onConflictDoNothing();
        switch (database) {
            case MARIADB:
                assertSql(noTarget, database, "INSERT INTO stock (sku, qty) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE stock.sku = stock.sku");
                break;
            case H2:
                assertSql(noTarget, database, "MERGE INTO stock USING (VALUES (?, ?)) AS excluded (sku, qty)"
                        + " ON stock.sku = excluded.sku WHEN NOT MATCHED THEN INSERT (sku, qty)"
                        + " VALUES (excluded.sku, excluded.qty)");
                break;
            default:
                assertSql(noTarget, database, "INSERT INTO stock (sku, qty) VALUES (?, ?) ON CONFLICT DO NOTHING");
        }
        MetaData metadata = new MetaData();
        Table stock = stock(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(upsert);
            conn.execute(upsert);
            conn.execute(noTarget);
            assertThat(rows(conn)).containsExactly(java.util.Arrays.asList("A", 10, null));
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_on_conflict.py test_do_nothing_on_constraint / test_do_update_index_elements_where_target. */
    @DatabaseTest
    void upsertOnAConstraintOrAPartialIndex(Engine engine, TestDatabase database) {
        Insert add = insert(STOCK).values(row("sku", "A", "qty", 1, "note", "first"));
        Insert onConstraint = add.onConflictDoUpdate(ConflictTarget.constraint("stock_pkey"),
                Map.of("note", add.excluded("note")));
        Insert partial = add.onConflictDoNothing(ConflictTarget.columns("note").where(sqlCondition("qty > 0")));
        switch (database) {
            case POSTGRESQL:
                assertSql(onConstraint, database, "INSERT INTO stock (sku, qty, note) VALUES (?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT stock_pkey DO UPDATE SET note = excluded.note");
                assertSql(partial, database, "INSERT INTO stock (sku, qty, note) VALUES (?, ?, ?)"
                        + " ON CONFLICT (note) WHERE qty > 0 DO NOTHING");
                break;
            case SQLITE:
                assertRefused(onConstraint, database, "ON CONFLICT ON CONSTRAINT (stock_pkey) is not supported by"
                        + " sqlite; name the constraint's columns with ConflictTarget.columns(...)");
                assertSql(partial, database, "INSERT INTO stock (sku, qty, note) VALUES (?, ?, ?)"
                        + " ON CONFLICT (note) WHERE qty > 0 DO NOTHING");
                break;
            case MARIADB:
                assertRefused(partial, database, "An upsert target with a WHERE (a partial unique index of stock) is"
                        + " not supported by mariadb");
                return;
            default:
                assertRefused(onConstraint, database, "An upsert target naming constraint stock_pkey is not supported"
                        + " by h2, whose MERGE matches on columns");
                return;
        }
        MetaData metadata = new MetaData();
        Table stock = stock(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE UNIQUE INDEX stock_note_positive ON stock (note) WHERE qty > 0"));
            conn.execute(partial);
            conn.execute(insert(STOCK).values(Map.of("sku", "B", "qty", 1, "note", "first"))
                    .onConflictDoNothing(ConflictTarget.columns("note").where(sqlCondition("qty > 0"))));
            assertThat(conn.execute(select(count()).from(STOCK)).scalar()).isEqualTo(1L);
            if (database == TestDatabase.POSTGRESQL) {
                conn.execute(insert(STOCK).values(Map.of("sku", "A", "qty", 1, "note", "second"))
                        .onConflictDoUpdate(ConflictTarget.constraint("stock_pkey"),
                                Map.of("note", add.excluded("note"))));
                assertThat(conn.execute(select(STOCK.c("note"))).scalar()).isEqualTo("second");
            }
        } finally {
            metadata.dropAll(engine);
        }
    }
}
