package io.retort.impl.orm;

import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the statements an engine sends, for tests that assert the SQL a flush emits. */
public final class StatementRecorder implements ExecutionListener {
    private final List<StatementEvent> events = new CopyOnWriteArrayList<>();

    /** Engine options with this recorder as a listener. */
    public EngineOptions options() {
        return EngineOptions.builder().addListener(this).build();
    }

    @Override
    public void beforeExecute(StatementEvent event) {
        events.add(event);
    }

    /** The statements since the last {@link #clear()}. */
    public List<StatementEvent> events() {
        return List.copyOf(events);
    }

    /** The SQL of the statements since the last {@link #clear()}. */
    public List<String> sql() {
        return events.stream().map(StatementEvent::sql).toList();
    }

    /**
     * The SQL of the statements that are not SELECTs. H2's INSERT with RETURNING,
     * {@code SELECT cols FROM FINAL TABLE (INSERT ...)}, counts as its INSERT and is shown as the INSERT inside.
     */
    public List<String> dml() {
        return sql().stream().map(StatementRecorder::finalTableInsert)
                .filter(s -> !s.startsWith("SELECT")).toList();
    }

    private static final String FINAL_TABLE = " FROM FINAL TABLE (INSERT ";

    /** A statement as {@link #dml()} shows it. */
    public static String finalTableInsert(String sql) {
        int at = sql.indexOf(FINAL_TABLE);
        return sql.startsWith("SELECT ") && at > 0 && sql.endsWith(")")
                ? sql.substring(at + FINAL_TABLE.length() - "INSERT ".length(), sql.length() - 1) : sql;
    }

    /**
     * The SQL of {@code insert} with {@code RETURNING columns} on {@code engine}: the clause where the database has
     * one, H2's query of the insert's FINAL TABLE, or the insert alone where the database has no INSERT ... RETURNING.
     */
    public static String insertReturning(io.retort.engine.Engine engine, String insert, String columns) {
        if (!engine.supports(io.retort.engine.Capability.INSERT_RETURNING)) {
            return insert;
        }
        return engine.dialectName().equals("h2") ? "SELECT " + columns + " FROM FINAL TABLE (" + insert + ")"
                : insert + " RETURNING " + columns;
    }

    /**
     * The rows each run of INSERT statements into one table wrote, in order: a statement's rows are its parameter
     * sets times the rows of its VALUES (a page of a multi-row insert is one parameter set of 1,000 rows, say).
     */
    public List<java.util.Map.Entry<String, Integer>> insertedRowsByTable() {
        List<java.util.Map.Entry<String, Integer>> runs = new java.util.ArrayList<>();
        for (StatementEvent event : events) {
            String sql = finalTableInsert(event.sql());
            if (!sql.startsWith("INSERT INTO ")) {
                continue;
            }
            String table = sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length()));
            int rows = Math.max(1, event.parameterSets().size()) * valuesRows(sql);
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).getKey().equals(table)) {
                runs.set(last, java.util.Map.entry(table, runs.get(last).getValue() + rows));
            } else {
                runs.add(java.util.Map.entry(table, rows));
            }
        }
        return runs;
    }

    /**
     * Whether a statement is SQLite's probe of {@code sqlite_master}, which follows the first insert executemany with
     * RETURNING into a table on an engine (see {@code RowidReadBackIT}): tests that count an insert's statements
     * leave it out.
     */
    public static boolean isRowidProbe(String sql) {
        return sql.contains(".sqlite_master WHERE tbl_name = ?");
    }

    /** The statements since the last {@link #clear()}, less SQLite's {@link #isRowidProbe probe}. */
    public List<StatementEvent> eventsWithoutProbe() {
        return events.stream().filter(event -> !isRowidProbe(event.sql())).toList();
    }

    /** The rows of an INSERT's VALUES: 1, or more for a multi-row {@code VALUES (...), (...)}. */
    public static int valuesRows(String sql) {
        int count = 1;
        for (int at = sql.indexOf("), ("); at >= 0; at = sql.indexOf("), (", at + 1)) {
            count++;
        }
        return count;
    }

    public void clear() {
        events.clear();
    }
}
