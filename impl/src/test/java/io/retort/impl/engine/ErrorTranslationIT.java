package io.retort.impl.engine;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.exception.DataException;
import io.retort.exception.DatabaseException;
import io.retort.exception.IntegrityException;
import io.retort.exception.OperationalException;
import io.retort.exception.ProgrammingException;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.Map;

/** Each SQLSTATE class maps to its exception type, carrying the SQL and parameters, on every database. */
class ErrorTranslationIT {

    @DatabaseTest
    void duplicateKeyIsAnIntegrityError(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (id int PRIMARY KEY)")));
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO t (id) VALUES (:id)"), Map.of("id", 1));
            IntegrityException error = catchThrowableOfType(IntegrityException.class,
                    () -> conn.execute(text("INSERT INTO t (id) VALUES (:id)"), Map.of("id", 1)));
            assertThat(error.sql()).isEqualTo("INSERT INTO t (id) VALUES (?)");
            assertThat(error.parameterSets()).containsExactly(Map.of("id", 1));
            assertThat(error.getMessage()).startsWith("(IntegrityException) ")
                    .contains("[SQL: INSERT INTO t (id) VALUES (?)]").contains("[parameters: {id=1}]");
        }
    }

    @DatabaseTest
    void invalidValueIsADataError(Engine engine, TestDatabase database) {
        // SQLite stores any text in a varchar; its typed INTEGER PRIMARY KEY column refuses text instead.
        String ddl = database == TestDatabase.SQLITE ? "CREATE TABLE t (v INTEGER PRIMARY KEY)"
                : "CREATE TABLE t (v varchar(3))";
        engine.begin(conn -> conn.execute(text(ddl)));
        try (Connection conn = engine.connect()) {
            DataException error = catchThrowableOfType(DataException.class,
                    () -> conn.execute(text("INSERT INTO t (v) VALUES (:v)"), Map.of("v", "too long")));
            assertThat(error.getMessage()).contains("[SQL: INSERT INTO t (v) VALUES (?)]")
                    .contains("[parameters: {v=too long}]");
        }
    }

    @DatabaseTest
    void unknownTableIsAProgrammingError(Engine engine) {
        try (Connection conn = engine.connect()) {
            ProgrammingException error = catchThrowableOfType(ProgrammingException.class,
                    () -> conn.execute(text("SELECT * FROM no_such_table WHERE id = :id"), Map.of("id", 7)));
            assertThat(error.getMessage()).contains("[SQL: SELECT * FROM no_such_table WHERE id = ?]")
                    .contains("{id=7}");
            assertThat((Throwable) error.getCause()).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @DatabaseTest
    void lockTimeoutIsAnOperationalError(TestEngines engines, TestDatabase database) {
        Engine engine = database == TestDatabase.SQLITE
                ? engines.create(EngineOptions.builder().connectArg("busy_timeout", "100").build())
                : engines.engine();
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE t (id int PRIMARY KEY, x int)"));
            conn.execute(text("INSERT INTO t (id, x) VALUES (1, 1)"));
        });
        try (Connection holder = engine.connect(); Connection waiter = engine.connect()) {
            holder.execute(text("UPDATE t SET x = 2 WHERE id = 1"));
            switch (database) {
                case POSTGRESQL:
                    waiter.execute(text("SET lock_timeout = '200ms'"));
                    break;
                case MARIADB:
                    waiter.execute(text("SET SESSION innodb_lock_wait_timeout = 1"));
                    break;
                case H2:
                    waiter.execute(text("SET LOCK_TIMEOUT 200"));
                    break;
                default:
                    break;
            }
            OperationalException error = catchThrowableOfType(OperationalException.class,
                    () -> waiter.execute(text("UPDATE t SET x = 3 WHERE id = 1")));
            assertThat(error.getMessage()).contains("[SQL: UPDATE t SET x = 3 WHERE id = 1]");
            assertThat(error).isInstanceOf(DatabaseException.class);
        }
    }
}
