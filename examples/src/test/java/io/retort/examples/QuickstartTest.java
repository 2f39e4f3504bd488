package io.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The quickstart prints the seed's results. */
class QuickstartTest {

    @Test
    void printsTheSeedsRows() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Engine engine = Engine.create("sqlite+pysqlite:///:memory:")) {
            Quickstart.run(engine, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("x: 3 y: 9", "x: 6 y: 8", "x: 9 y: 10");
    }
}
