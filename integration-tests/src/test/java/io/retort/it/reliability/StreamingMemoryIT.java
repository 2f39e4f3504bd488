package io.retort.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory: 2,000,000 rows streamed through {@code Connection.stream()} in a JVM started with {@code -Xmx96m} (a
 * separate process, so the heap limit is the one the rows must fit in). All rows arrive, and the heap's peak use is
 * reported.
 */
@OnlyOn({TestDatabase.POSTGRESQL, TestDatabase.MARIADB})
class StreamingMemoryIT {
    private static final int ROWS = 2_000_000;

    @DatabaseTest
    void twoMillionRowsStreamUnderNinetySixMegabytes(TestEngines engines, TestDatabase database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                StreamMain.class.getName(), engines.url(), Integer.toString(ROWS));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            boolean finished = process.waitFor(240, TimeUnit.SECONDS);
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("the streaming JVM finished within 240 s; its output: %s", output).isTrue();
        } finally {
            process.destroyForcibly();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(process.exitValue()).as("exit status; output: %s", output).isZero();
        Matcher figures = Pattern.compile("rows=(\\d+) sum=(\\d+) peakHeapBytes=(\\d+) maxHeapBytes=(\\d+)")
                .matcher(output);
        assertThat(figures.find()).as("figures in: %s", output).isTrue();
        long rows = Long.parseLong(figures.group(1));
        long sum = Long.parseLong(figures.group(2));
        long peak = Long.parseLong(figures.group(3));
        Figures.report("streaming [" + database.id() + "]", rows + " rows under -Xmx96m (max heap "
                + Long.parseLong(figures.group(4)) / (1024 * 1024) + " MB), peak heap " + peak / (1024 * 1024)
                + " MB, " + millis + " ms");
        assertThat(rows).isEqualTo(ROWS);
        assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
    }
}
