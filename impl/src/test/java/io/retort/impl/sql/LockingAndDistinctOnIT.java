package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.RowLock;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21: row locks (FOR SHARE, OF, NOWAIT, SKIP LOCKED, FOR NO KEY UPDATE), PostgreSQL's DISTINCT ON and INSERT
 * ... DEFAULT VALUES (test_postgresql/test_compiler.py test_for_update*, test_distinct_on*; test_mysql
 * test_for_update; test_insert.py test_insert_default_values).
 */
class LockingAndDistinctOnIT {
    private static Table jobs(MetaData metadata) {
        return metadata.table("jobs", column("id", INTEGER).primaryKey(), column("owner", INTEGER),
                column("priority", INTEGER).serverDefault("5"));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table JOBS = jobs(SHAPES);

    private static MetaData filled(Engine engine) {
        MetaData metadata = new MetaData();
        Table jobs = jobs(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            // Ids from the database, so that DEFAULT VALUES takes the next one.
            conn.execute(insert(jobs).values(List.of(Map.of("owner", 1, "priority", 3),
                    Map.of("owner", 1, "priority", 1), Map.of("owner", 2, "priority", 2))));
            conn.commit();
        }
        return metadata;
    }

    @DatabaseTest
    void rowLocks(Engine engine, TestDatabase database) {
        var base = select(JOBS.c("id")).where(JOBS.c("owner").eq(1)).orderBy(JOBS.c("id"));
        var share = base.lock(RowLock.forShare());
        var ofSkip = base.lock(RowLock.forUpdate().of(JOBS).skipLocked());
        var noKey = base.lock(RowLock.forNoKeyUpdate().nowait());
        String sql = "SELECT jobs.id FROM jobs WHERE jobs.owner = ? ORDER BY jobs.id";
        switch (database) {
            case POSTGRESQL:
                assertSql(share, database, sql + " FOR SHARE");
                assertSql(ofSkip, database, sql + " FOR UPDATE OF jobs SKIP LOCKED");
                assertSql(noKey, database, sql + " FOR NO KEY UPDATE NOWAIT");
                break;
            case MARIADB:
                assertSql(share, database, sql + " LOCK IN SHARE MODE");
                assertRefused(ofSkip, database, "FOR UPDATE OF (a table) is not supported by mariadb; MariaDB locks"
                        + " the rows of every table read");
                assertRefused(noKey, database, "FOR NO KEY UPDATE is not supported by mariadb");
                break;
            case H2:
                assertRefused(share, database, "FOR SHARE is not supported by h2; H2 has FOR UPDATE alone");
                assertRefused(ofSkip, database, "FOR UPDATE OF (a table) is not supported by h2");
                break;
            default:
                assertRefused(share, database, "FOR SHARE is not supported by sqlite; SQLite locks the whole database");
        }
        assertSql(base.forUpdate(), database, sql + (database == TestDatabase.SQLITE ? "" : " FOR UPDATE"));
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(base.forUpdate()).scalars().all()).containsExactly(1, 2);
            if (database == TestDatabase.POSTGRESQL || database == TestDatabase.MARIADB) {
                assertThat(conn.execute(share).scalars().all()).containsExactly(1, 2);
            }
            if (database == TestDatabase.POSTGRESQL) {
                assertThat(conn.execute(ofSkip).scalars().all()).containsExactly(1, 2);
                assertThat(conn.execute(noKey).scalars().all()).containsExactly(1, 2);
            }
            conn.rollback();
        } finally {
            metadata.dropAll(engine);
        }
    }

    @DatabaseTest
    void distinctOnAndDefaultValues(Engine engine, TestDatabase database) {
        var firstPerOwner = select(JOBS.c("owner"), JOBS.c("id")).distinctOn(JOBS.c("owner"))
                .orderBy(JOBS.c("owner").asc(), JOBS.c("priority").asc());
        var defaults = insert(JOBS).defaultValues();
        if (database == TestDatabase.POSTGRESQL) {
            assertSql(firstPerOwner, database, "SELECT DISTINCT ON (jobs.owner) jobs.owner, jobs.id FROM jobs"
                    + " ORDER BY jobs.owner, jobs.priority");
        } else {
            assertRefused(firstPerOwner, database, "SELECT DISTINCT ON is not supported by " + database.id()
                    + "; number the rows with row_number()");
        }
        assertSql(defaults, database, "INSERT INTO jobs" + (database == TestDatabase.MARIADB ? " () VALUES ()"
                : " DEFAULT VALUES"));
        MetaData metadata = filled(engine);
        try (Connection conn = engine.connect()) {
            if (database == TestDatabase.POSTGRESQL) {
                assertThat(conn.execute(firstPerOwner).all()).extracting(row -> row.values())
                        .containsExactly(List.of(1, 2), List.of(2, 3));
            }
            assertThat(conn.execute(defaults).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(JOBS.c("id"), JOBS.c("priority")).where(JOBS.c("owner").isNull())).one()
                    .values()).containsExactly(4, 5);
        } finally {
            metadata.dropAll(engine);
        }
    }
}
