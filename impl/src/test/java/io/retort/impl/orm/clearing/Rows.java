package io.retort.impl.orm.clearing;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/** What the database holds, read on a connection of its own (so after the session's commit). */
final class Rows {
    private Rows() {
    }

    /** The first column of each row of {@code sql}, as text ("null" for NULL). */
    static List<String> column(Engine engine, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection conn = engine.connect()) {
            conn.execute(Sql.text(sql)).forEach(row -> values.add(String.valueOf(row.get(0))));
        }
        return values;
    }

    /** How many rows {@code table} holds. */
    static long count(Engine engine, String table) {
        try (Connection conn = engine.connect()) {
            return conn.execute(Sql.text("SELECT count(*) FROM " + table)).scalar(Long.class);
        }
    }
}
