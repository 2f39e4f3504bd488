package io.retort.engine;

import io.retort.schema.MetaData;
import io.retort.schema.SchemaExecutor;
import io.retort.sql.Executable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A connection taken from an {@link Engine}, with SQLAlchemy 2.x's transaction behaviour:
 *
 * <ul>
 *   <li><b>Autobegin</b>: the first statement begins a transaction.</li>
 *   <li><b>Commit as you go</b>: {@link #commit()} and {@link #rollback()} end it; the next statement begins another.
 *   </li>
 *   <li>{@link #close()} rolls back whatever was not committed and returns the connection to the pool.</li>
 *   <li><b>Savepoints</b>: {@link #beginNested()} or {@link #nested(Consumer)}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("CREATE TABLE some_table (x int, y int)"));
 *     conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
 *             List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));     // executemany: one JDBC batch
 *     conn.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use a connection from one thread at a time.
 */
public interface Connection extends AutoCloseable, SchemaExecutor {

    /** Executes a statement without parameters. */
    Result execute(Executable statement);

    /**
     * Executes a statement once with named parameters.
     *
     * @param statement the statement
     * @param parameters values for the statement's parameters by name
     * @return the result: rows for a query, the row count for DML
     * @throws io.retort.exception.InvalidArgumentException if a parameter the statement needs has no value
     * @throws io.retort.exception.DatabaseException if the database refuses the statement
     */
    Result execute(Executable statement, Map<String, ? extends @Nullable Object> parameters);

    /**
     * "executemany": runs the statement once per parameter map, sent to the driver as one JDBC batch.
     *
     * @param statement the statement, typically an INSERT, UPDATE or DELETE
     * @param parameterSets one map per execution; an empty list runs nothing
     * @return a result without rows whose {@link Result#rowCount()} is the total of affected rows (or -1 when the
     *         driver does not report it)
     */
    Result execute(Executable statement, List<? extends Map<String, ? extends @Nullable Object>> parameterSets);

    /**
     * Executes a query and streams its rows: the driver fetches {@code batchSize} rows at a time instead of all of
     * them, so a large result does not have to fit in memory. Read the result (or close it) before the next
     * statement on this connection.
     */
    Result stream(Executable statement, Map<String, ? extends @Nullable Object> parameters, int batchSize);

    /** Executes a query and returns the first column of the first row, or {@code null} when there is none. */
    @Nullable Object scalar(Executable statement, Map<String, ? extends @Nullable Object> parameters);

    /** Commits the current transaction, if any. The next statement begins a new one. */
    void commit();

    /** Rolls back the current transaction, if any. */
    void rollback();

    /**
     * Begins a nested transaction (a SAVEPOINT) inside the current transaction, beginning that first if needed.
     * Commit it to release the savepoint or roll it back to undo only the work done since; closing it without
     * either rolls it back.
     */
    NestedTransaction beginNested();

    /**
     * Runs {@code work} inside a savepoint: released when {@code work} returns, rolled back (keeping the outer
     * transaction's earlier work) and rethrown when it throws.
     */
    void nested(Consumer<Connection> work);

    /** Whether a transaction has begun and not yet been committed or rolled back. */
    boolean isInTransaction();

    /**
     * Sets this connection's isolation level until it is closed. It must be called before the transaction begins.
     *
     * @throws io.retort.exception.InvalidRequestException if a transaction is in progress
     * @throws io.retort.exception.ConfigurationException if the database does not have the level
     */
    void setIsolationLevel(IsolationLevel level);

    /** The isolation level in force on this connection. */
    IsolationLevel isolationLevel();

    /**
     * Lets the read-only statements that come before this connection's first other statement run without a
     * database transaction (in the driver's auto-commit), where that reads exactly the same rows: the isolation level
     * in force gives each statement a snapshot of its own (READ COMMITTED or READ UNCOMMITTED; PostgreSQL's default)
     * and the driver switches auto-commit without a round trip (pgjdbc). A connection that only read then ends
     * without the ROLLBACK round trip. The {@code Session} asks this of its connection.
     *
     * <p>Read-only means a SELECT of the expression language that takes no row locks and calls no function or SQL
     * text, and does not {@link #stream}. The first statement that is not (a write, {@code text()}, DDL, a locking
     * read), {@link #beginNested()}, {@link #jdbcConnection()} or another isolation level begins the transaction as
     * usual and ends this for the rest of the connection's life. Until then {@link #isInTransaction()} is false and
     * the echo shows no {@code BEGIN (implicit)}. The only difference a reader can observe: the tables read are not
     * share-locked between those reads, so another connection's DDL need not wait for this one's close.
     *
     * <p>Does nothing at REPEATABLE READ or SERIALIZABLE (MariaDB's and SQLite's defaults), where a transaction's reads
     * share one snapshot, on a driver that would send {@code SET autocommit} to the server (MariaDB, MySQL), on H2
     * (whose switch to auto-commit runs a COMMIT, measured slower than the one it saves), in AUTOCOMMIT, inside a JTA
     * transaction, or once a transaction has begun.
     */
    void deferBeginUntilWrite();

    /**
     * Creates the sequences, enum types (PostgreSQL), tables and indexes of {@code metadata}: tables after the
     * tables they refer to; a foreign key that closes a cycle is added with ALTER TABLE once its tables exist (on
     * SQLite, which cannot alter constraints, it is declared inline, since SQLite accepts references to tables
     * created later). With {@code checkFirst}, what exists already is left alone. Runs in this connection's
     * transaction; commit to keep it (MariaDB and MySQL commit each DDL statement implicitly).
     */
    @Override
    void createAll(MetaData metadata, boolean checkFirst);

    /**
     * Drops the tables of {@code metadata}, children before parents (a foreign key closing a cycle is dropped first;
     * on SQLite its check is deferred to commit), then its sequences and enum types. With {@code checkFirst},
     * missing tables are skipped.
     */
    @Override
    void dropAll(MetaData metadata, boolean checkFirst);

    /** An inspector of this connection's database schema. */
    Inspector inspector();

    /** The engine this connection came from. */
    Engine engine();

    /**
     * The underlying JDBC connection, for what Retort does not cover. Do not close it or change its auto-commit
     * mode; close this connection instead. Taking it begins this connection's transaction (unless in AUTOCOMMIT), as
     * one that may have written: what runs on it is committed by {@link #commit()} and rolled back by
     * {@link #rollback()} or {@link #close()}.
     */
    java.sql.Connection jdbcConnection();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /**
     * Whether the current transaction ran a statement that may have changed data: anything but a SELECT of the
     * expression language ({@code text()} counts, since Retort cannot tell what it does). False outside a
     * transaction.
     */
    boolean wroteInTransaction();

    /**
     * Discards the JDBC connection, as SQLAlchemy's {@code Connection.invalidate()}: its open results are closed, and
     * it is closed rather than returned to the pool. A transaction in progress is gone with it and must be ended with
     * {@link #rollback()} (until then statements raise {@code PendingRollbackException}); the next statement takes a
     * new connection from the pool. The same happens by itself when a statement fails because the connection to the
     * database was lost (a server restart, a killed session). Calling it twice is harmless.
     *
     * @throws io.retort.exception.ResourceClosedException if this connection is closed
     */
    void invalidate();

    /** Whether the JDBC connection was discarded ({@link #invalidate()}, a lost connection) and not yet replaced. */
    boolean isInvalidated();

    /**
     * Rolls back uncommitted work, closes open results and returns the connection to the pool. Idempotent. Where the
     * database's ROLLBACK also drops the statements it parsed for the connection (H2), a transaction that ran only
     * read-only SELECTs of the expression language (no function calls, SQL text or row locks) ends with COMMIT
     * instead, which is the same for a transaction that wrote nothing.
     */
    @Override
    void close();
}
