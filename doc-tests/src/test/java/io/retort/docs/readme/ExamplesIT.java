package io.retort.docs.readme;

import io.retort.docs.Printed;
import io.retort.examples.Quickstart;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quickstart's output that README.md shows: the program run as {@code exec:exec} runs it, its SQL echo printed
 * as examples/logging.properties prints it ({@code <logger> <message>}, one line each).
 */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class ExamplesIT {

    @DatabaseTest
    void quickstart(TestEngines engines, Printed printed) {
        Logger engineLog = Logger.getLogger("io.retort.engine");
        Level level = engineLog.getLevel();
        Handler echo = new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println(record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        engineLog.setLevel(Level.INFO);
        engineLog.addHandler(echo);
        try {
            String url = engines.database() == TestDatabase.SQLITE ? "sqlite+pysqlite:///:memory:" : engines.url();
            printed.clear();
            // tag::quickstart[]
            Quickstart.main(new String[] {url});
            // end::quickstart[]
            printed.assertShown("readme/ExamplesIT.java#quickstart");
        } finally {
            engineLog.removeHandler(echo);
            engineLog.setLevel(level);
        }
    }
}
