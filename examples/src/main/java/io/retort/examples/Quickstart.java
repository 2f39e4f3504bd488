package io.retort.examples;

import static io.retort.sql.Sql.text;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.engine.Row;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The seed's Core walkthrough: an engine on an in-memory SQLite database with SQL echo, "commit as you go",
 * "begin once", and a {@code text()} query with a {@code :y} parameter. Run it with
 * {@code mvn -q -pl examples -am -DskipTests package exec:exec}.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /** Runs the walkthrough against {@code args[0]} if given, else {@code sqlite+pysqlite:///:memory:}. */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite+pysqlite:///:memory:";
        try (Engine engine = Engine.create(url, EngineOptions.builder().echo(true).build())) {
            run(engine, System.out);
        }
    }

    /** The walkthrough itself, printing the rows to {@code out}. */
    static void run(Engine engine, PrintStream out) {
        // "Commit as you go": commit whenever a piece of work is done.
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE some_table (x int, y int)"));
            conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                    List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));
            conn.commit();

            conn.execute(text("INSERT INTO some_table (x, y) VALUES (3, 9)"));
            conn.commit();
        }

        // "Begin once": one transaction for the block, committed at the end (rolled back on an exception).
        engine.begin(conn -> conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));

        // A text() query with a bound parameter.
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"),
                    Map.of("y", 6))) {
                out.println("x: " + row.get("x") + " y: " + row.get("y"));
            }
        }
    }
}
