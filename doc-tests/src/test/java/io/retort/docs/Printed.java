package io.retort.docs;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What a test printed to {@code System.out}, captured while it runs (register with
 * {@code @ExtendWith(Printed.Capture.class)} and declare a {@code Printed} parameter). The captured text is also
 * passed on to the real {@code System.out}.
 */
public final class Printed {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** The text printed since the test started, or since the last {@link #clear()}. */
    public String text() {
        System.out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    public void clear() {
        System.out.flush();
        bytes.reset();
    }

    /**
     * Checks that what was printed matches the output block the guide shows for the region {@code id}
     * ({@code path#name}), then forgets it.
     */
    public void assertShown(String id) {
        String printed = text();
        keep(id, printed);
        if (Boolean.getBoolean("docs.record")) {   // writing a page: keep the output, check nothing
            clear();
            return;
        }
        Snippets.Block block = Snippets.output(id);
        if (!Snippets.matches(Snippets.lines(block.text()), Snippets.lines(printed))) {
            fail("The output shown at " + block.where() + " for " + id + " is not what the snippet prints.%n"
                    + "shown:%n%s%nprinted:%n%s", block.text(), printed);
        }
        clear();
    }

    /** Keeps what a region printed in target/printed/, to compare or copy into a page by hand. */
    private static void keep(String id, String printed) {
        try {
            java.nio.file.Path dir = Snippets.root().resolve("doc-tests/target/printed");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(id.replace('/', '_').replace('#', '_') + ".txt"), printed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Swaps {@code System.out} for the test's {@link Printed} and back. */
    public static final class Capture implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Printed.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            PrintStream original = System.out;
            Printed printed = new Printed();
            PrintStream tee = new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    printed.bytes.write(b);
                    original.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    printed.bytes.write(b, off, len);
                    original.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8);
            context.getStore(NAMESPACE).put("original", original);
            context.getStore(NAMESPACE).put("printed", printed);
            System.setOut(tee);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            System.setOut(context.getStore(NAMESPACE).get("original", PrintStream.class));
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Printed.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).get("printed", Printed.class);
        }
    }
}
