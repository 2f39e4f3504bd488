package io.retort.testing;

import static io.retort.sql.Sql.text;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import java.util.Map;

/**
 * Ends a connection's server session from another connection, as an operator or a failover would: PostgreSQL's
 * {@code pg_terminate_backend}, MariaDB's and MySQL's {@code KILL}. For tests of lost connections.
 */
public final class ServerSessions {
    private ServerSessions() {
    }

    /** Whether the engine's database can end another connection's session. */
    public static boolean canKill(Engine engine) {
        String name = engine.dialectName();
        return name.equals("postgresql") || name.equals("mariadb") || name.equals("mysql");
    }

    /** The server's id of the session behind {@code victim} (its backend pid or connection id). */
    public static long id(Connection victim) {
        String query = victim.engine().dialectName().equals("postgresql") ? "SELECT pg_backend_pid()"
                : "SELECT CONNECTION_ID()";
        Object id = victim.scalar(text(query), Map.of());
        if (id == null) {
            throw new IllegalStateException(query + " returned NULL instead of the session's id");
        }
        return ((Number) id).longValue();
    }

    /** Ends the server session {@code id} from a new connection of {@code engine}. */
    public static void kill(Engine engine, long id) {
        try (Connection killer = engine.connect()) {
            if (engine.dialectName().equals("postgresql")) {
                killer.execute(text("SELECT pg_terminate_backend(:pid)"), Map.of("pid", (int) id));
            } else {
                killer.execute(text("KILL " + id));
            }
            killer.commit();
        }
        waitUntilGone(engine, id);
    }

    /** Ends the server session behind {@code victim}; the victim finds out at its next round trip. */
    public static void kill(Connection victim) {
        kill(victim.engine(), id(victim));
    }

    private static void waitUntilGone(Engine engine, long id) {
        String query = engine.dialectName().equals("postgresql")
                ? "SELECT count(*) FROM pg_stat_activity WHERE pid = :id"
                : "SELECT count(*) FROM information_schema.processlist WHERE id = :id";
        for (int i = 0; i < 200; i++) {
            try (Connection probe = engine.connect()) {
                Object left = probe.scalar(text(query), Map.of("id", id));
                if (left == null) {
                    throw new IllegalStateException(query + " returned NULL instead of a count");
                }
                if (((Number) left).longValue() == 0) {
                    return;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
