package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.star;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.DOUBLE;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Issue 21's constructs, each compiled per dialect and run on the four databases where the database has it (a
 * compile error naming the database and the alternative elsewhere): {@code SELECT *}, functions without a declared
 * type, WITHIN GROUP, FETCH FIRST ... WITH TIES, statement prefixes, and INSERT/UPDATE ... RETURNING as a CTE.
 */
class ConstructsIT {
    private static Table scores(MetaData metadata) {
        return metadata.table("c_score", column("id", INTEGER).primaryKey(), column("name", string(10)),
                column("points", INTEGER));
    }

    private static final Table SCORES = scores(new MetaData());

    private static void withScores(Engine engine, Consumer<Connection> test) {
        MetaData metadata = new MetaData();
        Table scores = scores(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(scores).values(List.of(Map.of("id", 1, "name", "a", "points", 10),
                    Map.of("id", 2, "name", "b", "points", 30), Map.of("id", 3, "name", "c", "points", 20),
                    Map.of("id", 4, "name", "d", "points", 20))));
            test.accept(conn);
        } finally {
            metadata.dropAll(engine);
        }
    }

    /** test_compiler.py select(literal_column("*")) / table.*: every column, read as the driver gives it. */
    @DatabaseTest
    void selectStar(Engine engine, TestDatabase database) {
        var all = select(star()).from(SCORES).where(SCORES.c("id").eq(2));
        var ofTable = select(SCORES.star(), SCORES.c("points").label("p")).where(SCORES.c("id").eq(2));
        assertSql(all, database, "SELECT * FROM c_score WHERE c_score.id = ?");
        assertSql(ofTable, database, "SELECT c_score.*, c_score.points AS p FROM c_score WHERE c_score.id = ?");
        withScores(engine, conn -> {
            var row = conn.execute(all).one();
            assertThat(row.keys()).containsExactly("id", "name", "points");
            assertThat(((Number) row.get("points")).intValue()).isEqualTo(30);
            var withLabel = conn.execute(ofTable).one();
            assertThat(withLabel.keys()).containsExactly("id", "name", "points", "p");
            assertThat(withLabel.get("name")).isEqualTo("b");
            assertThat(((Number) withLabel.get("p")).intValue()).isEqualTo(30);
        });
    }

    /** test_functions.py test_generic_now / func.xyz(): a function without a declared type. */
    @DatabaseTest
    void functionWithoutType(Engine engine, TestDatabase database) {
        var f = function("coalesce", SCORES.c("name"), literal(string(10), "none"));
        var statement = select(f.label("n")).where(function("abs", SCORES.c("points")).gt(25));
        assertSql(statement, database, "SELECT coalesce(c_score.name, ?) AS n FROM c_score"
                + " WHERE abs(c_score.points) > ?");
        withScores(engine, conn -> assertThat(conn.execute(statement).scalars().all()).containsExactly("b"));
    }

    /** test_compiler.py test_within_group / test_postgresql test_percentile_cont: an ordered-set aggregate. */
    @DatabaseTest
    void withinGroup(Engine engine, TestDatabase database) {
        var median = select(function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5))
                .withinGroup(SCORES.c("points").asc()));
        if (database == TestDatabase.POSTGRESQL || database == TestDatabase.H2) {
            assertSql(median, database, "SELECT percentile_cont(?) WITHIN GROUP (ORDER BY c_score.points)"
                    + " FROM c_score");
            withScores(engine, conn -> assertThat(((Number) conn.execute(median).scalar()).doubleValue())
                    .isEqualTo(20.0));
        } else {
            assertRefused(median, database, "WITHIN GROUP (percentile_cont) is not supported by " + database.id());
        }
    }

    /** test_compiler.py test_fetch (with_ties): the rows tied with the last one come too. */
    @DatabaseTest
    void fetchWithTies(Engine engine, TestDatabase database) {
        var top = select(SCORES.c("id")).orderBy(SCORES.c("points").desc()).fetch(2, true);
        if (database == TestDatabase.SQLITE) {
            assertRefused(top, database, "FETCH FIRST ... WITH TIES is not supported by sqlite");
            return;
        }
        assertSql(top, database, "SELECT c_score.id FROM c_score ORDER BY c_score.points DESC"
                + " FETCH FIRST ? ROWS WITH TIES");
        withScores(engine, conn -> assertThat(conn.execute(top).scalars().all()).hasSize(3).startsWith(2)
                .contains(3, 4));
    }

    /** test_insert.py test_prefix_with / test_mysql INSERT IGNORE, SQLite INSERT OR IGNORE: per dialect. */
    @DatabaseTest
    void prefixes(Engine engine, TestDatabase database) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", 1);
        row.put("name", "x");
        row.put("points", 0);
        var ignore = insert(SCORES).values(row)
                .prefixWith("IGNORE", "mysql", "mariadb").prefixWith("OR IGNORE", "sqlite");
        switch (database) {
            case MARIADB:
                assertSql(ignore, database, "INSERT IGNORE INTO c_score (id, name, points) VALUES (?, ?, ?)");
                break;
            case SQLITE:
                assertSql(ignore, database, "INSERT OR IGNORE INTO c_score (id, name, points) VALUES (?, ?, ?)");
                break;
            default:
                assertSql(ignore, database, "INSERT INTO c_score (id, name, points) VALUES (?, ?, ?)");
                return;
        }
        withScores(engine, conn -> {
            assertThat(conn.execute(ignore).rowCount()).isZero();
            assertThat(conn.execute(select(SCORES.c("name")).where(SCORES.c("id").eq(1))).scalar()).isEqualTo("a");
        });
    }

    /** test_cte.py test_insert_w_cte / test_update_returning_cte: a data-modifying statement in WITH (PostgreSQL). */
    @DatabaseTest
    void dmlReturningAsCte(Engine engine, TestDatabase database) {
        CommonTableExpression raised = update(SCORES).values(Map.of("points", SCORES.c("points").plus(1)))
                .where(SCORES.c("points").ge(20)).returning(SCORES.c("id"), SCORES.c("points")).cte("raised");
        var statement = select(raised.c("id"), raised.c("points")).orderBy(raised.c("id"));
        if (database != TestDatabase.POSTGRESQL) {
            assertRefused(statement, database, "A data-modifying statement in WITH (CTE raised) is not supported by "
                    + database.id());
            return;
        }
        assertSql(statement, database, "WITH raised(id, points) AS (UPDATE c_score SET points=(c_score.points + ?)"
                + " WHERE c_score.points >= ? RETURNING id, points) SELECT raised.id, raised.points FROM raised"
                + " ORDER BY raised.id");
        withScores(engine, conn -> {
            assertThat(conn.execute(statement).all()).extracting(r -> r.values())
                    .containsExactly(List.of(2, 31), List.of(3, 21), List.of(4, 21));
            assertThat(conn.execute(select(SCORES.c("points")).orderBy(SCORES.c("id"))).scalars().all())
                    .containsExactly(10, 31, 21, 21);
        });
    }

    /**
     * test_values.py test_with_join_named / test_bound_parameters: a VALUES table joined to a table, its columns
     * typed as declared; PostgreSQL and H2 name the columns in a column list, SQLite and MariaDB get SELECT ...
     * UNION ALL.
     */
    @DatabaseTest
    void valuesTable(Engine engine, TestDatabase database) {
        io.retort.sql.Values bonus = io.retort.sql.Sql.values("bonus").column("score_id", INTEGER)
                .column("label", string(10)).data(List.of(List.of(2, "x"), List.of(3, "y's"), List.of(9, "z")));
        var statement = select(SCORES.c("name"), bonus.c("label"), SCORES.c("points").plus(bonus.c("score_id")))
                .join(bonus, bonus.c("score_id").eq(SCORES.c("id"))).orderBy(SCORES.c("id"));
        String from = database == TestDatabase.POSTGRESQL || database == TestDatabase.H2
                ? "(VALUES (?, ?), (?, ?), (?, ?)) AS bonus (score_id, label)"
                : "(SELECT ? AS score_id, ? AS label UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?) AS bonus";
        assertSql(statement, database, "SELECT c_score.name, bonus.label, (c_score.points + bonus.score_id) FROM"
                + " c_score JOIN " + from + " ON bonus.score_id = c_score.id ORDER BY c_score.id");
        withScores(engine, conn -> {
            assertThat(conn.execute(statement).all()).extracting(r -> List.of(r.get(0), r.get(1),
                    ((Number) r.get(2)).intValue())).containsExactly(List.of("b", "x", 32), List.of("c", "y's", 23));
            // Alone in FROM, with a WHERE on its column: the rows as given, in order.
            assertThat(conn.execute(select(bonus.c("label")).where(bonus.c("score_id").gt(2))
                    .orderBy(bonus.c("score_id"))).scalars().all()).containsExactly("y's", "z");
        });
    }
}
