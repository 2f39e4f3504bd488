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

    /** The SQL of the statements that are not SELECTs. */
    public List<String> dml() {
        return sql().stream().filter(s -> !s.startsWith("SELECT")).toList();
    }

    public void clear() {
        events.clear();
    }
}
