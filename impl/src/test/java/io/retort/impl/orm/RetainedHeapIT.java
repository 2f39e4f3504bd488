package io.retort.impl.orm;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of a closed Session's objects stays reachable once the application drops them: states live in the objects
 * themselves, not in a table of the ORM's. Measured with the JVM's live-object class histogram ({@code jcmd
 * GC.class_histogram}, which collects first), on a SQLite file so that the rows are not on the heap.
 */
class RetainedHeapIT {
    private static final int ROWS = 1_000_000;

    @Test
    void aClosedSessionsMillionObjectsAreNotRetained(@TempDir Path directory) throws Exception {
        try (Engine engine = Engine.create("sqlite:///" + directory.resolve("heap.db"))) {
            Registry registry = Registry.of(User.class);
            registry.createAll(engine);
            try (Connection conn = engine.connect()) {
                List<Map<String, Object>> rows = new ArrayList<>(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    rows.add(Map.of("name", "user" + i));
                }
                conn.execute(Sql.text("INSERT INTO user_account (name) VALUES (:name)"), rows);
                conn.commit();
            }
            Map<String, long[]> before = liveHistogram();
            int loaded;
            try (Session session = Session.open(engine)) {
                loaded = session.scalars(select(User.class)).all().size();
            }
            assertThat(loaded).isEqualTo(ROWS);
            Map<String, long[]> after = liveHistogram();
            long retained = 0;
            for (Map.Entry<String, long[]> entry : after.entrySet()) {
                long[] earlier = before.getOrDefault(entry.getKey(), new long[2]);
                retained += Math.max(0, entry.getValue()[1] - earlier[1]);
            }
            System.out.printf("[retained-heap] after loading %,d objects in a closed session: %,d bytes more live"
                    + " than before (User instances: %d, InstanceState instances: %d)%n", ROWS, retained,
                    instances(after, User.class.getName()), instances(after, InstanceState.class.getName()));
            assertThat(instances(after, User.class.getName())).isZero();
            assertThat(instances(after, InstanceState.class.getName())).isZero();
            assertThat(retained).isLessThan(5L * 1024 * 1024);
        }
    }

    private static long instances(Map<String, long[]> histogram, String className) {
        long[] counts = histogram.get(className);
        return counts == null ? 0 : counts[0];
    }

    /** Class name to {instances, bytes} of live objects, after a full collection. */
    private static Map<String, long[]> liveHistogram() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("This test needs the JDK's jcmd at " + jcmd);
        }
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(ProcessHandle.current().pid()),
                "GC.class_histogram").redirectErrorStream(true).start();
        Map<String, long[]> histogram = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                // "   1:        123456        7890123  java.lang.String (java.base@17)"
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    histogram.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
        }
        if (process.waitFor() != 0 || histogram.isEmpty()) {
            throw new IllegalStateException("jcmd GC.class_histogram gave no histogram");
        }
        return histogram;
    }
}
