package io.retort.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the snippets of the guide ({@code docs/*.md}) and README.md, and the regions of this module's test sources
 * they must equal.
 *
 * <p>A page marks each Java snippet with the source region it copies, and each block of printed output with the
 * region that prints it:
 *
 * <pre>
 * &lt;!-- snippet: core/CoreTutorialIT.java#commit-as-you-go --&gt;
 * ```java
 * ...
 * ```
 * &lt;!-- output: core/CoreTutorialIT.java#results --&gt;
 * ```
 * ...
 * ```
 * </pre>
 *
 * <p>The path is relative to {@code src/test/java/io/retort/docs/}; a region is the lines between
 * {@code // tag::name[]} and {@code // end::name[]}, with their common indentation removed and the marker lines of
 * regions nested inside left out. In an output block, a line {@code ...} stands for any number of lines.
 */
public final class Snippets {
    private static final Pattern MARKER = Pattern.compile("^<!-- (snippet|output): (\\S+)#(\\S+) -->$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");

    private Snippets() {
    }

    /** What a marked block holds. */
    public enum Kind {
        /** Java code, equal to a source region. */
        SNIPPET,
        /** Printed output of a source region. */
        OUTPUT,
        /** A fenced block without a marker. */
        UNMARKED
    }

    /** One fenced block of a page. */
    public record Block(Path page, int line, Kind kind, String language, String source, String region, String text) {
        /** The id of the region, {@code path#name}. */
        public String id() {
            return source + "#" + region;
        }

        /** Where the block starts, for messages. */
        public String where() {
            return root().relativize(page) + ":" + line;
        }
    }

    /** The repository's root directory. */
    public static Path root() {
        String configured = System.getProperty("docs.root");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docs/ directory above " + Paths.get("").toAbsolutePath()
                    + ": run the tests from the repository, or set -Ddocs.root");
        }
        return dir;
    }

    /** The pages whose snippets are checked: every Markdown file of docs/, and README.md. */
    public static List<Path> pages() {
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
            pages.add(root().resolve("README.md"));
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fenced blocks of a page, in order. */
    public static List<Block> blocks(Path page) {
        List<String> lines = read(page);
        List<Block> blocks = new ArrayList<>();
        String[] marker = null;
        int markerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                marker = new String[] {m.group(1), m.group(2), m.group(3)};
                markerLine = i;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                boolean marked = marker != null && markerLine == start - 1;
                Kind kind = !marked ? Kind.UNMARKED : marker[0].equals("snippet") ? Kind.SNIPPET : Kind.OUTPUT;
                blocks.add(new Block(page, start + 1, kind, fence.group(1), marked ? marker[1] : "",
                        marked ? marker[2] : "", text.toString()));
                marker = null;
            }
        }
        return blocks;
    }

    /** Every marked block of every page. */
    public static List<Block> allBlocks() {
        List<Block> all = new ArrayList<>();
        for (Path page : pages()) {
            all.addAll(blocks(page));
        }
        return all;
    }

    /** The regions of a source file under {@code src/test/java/io/retort/docs/}, by name. */
    public static Map<String, String> regions(String source) {
        Path file = sourceDir().resolve(source);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No source file " + file);
        }
        List<String> lines = read(file);
        Map<String, List<String>> open = new LinkedHashMap<>();
        Map<String, String> regions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (tag.matches()) {
                String name = tag.group(2);
                if (tag.group(1).equals("tag")) {
                    if (open.put(name, new ArrayList<>()) != null || regions.containsKey(name)) {
                        throw new IllegalStateException(source + ":" + (i + 1) + ": region " + name + " twice");
                    }
                } else {
                    List<String> body = open.remove(name);
                    if (body == null) {
                        throw new IllegalStateException(source + ":" + (i + 1) + ": end of " + name + " never opened");
                    }
                    regions.put(name, dedent(body));
                }
                continue;
            }
            for (List<String> body : open.values()) {
                body.add(lines.get(i));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(source + ": regions never closed: " + open.keySet());
        }
        return regions;
    }

    /** The text of one region, {@code path#name}. */
    public static String region(String id) {
        int hash = id.indexOf('#');
        String text = regions(id.substring(0, hash)).get(id.substring(hash + 1));
        if (text == null) {
            throw new IllegalArgumentException("No region " + id);
        }
        return text;
    }

    /** The output block a page shows for a region, {@code path#name}. */
    public static Block output(String id) {
        List<Block> found = allBlocks().stream().filter(b -> b.kind() == Kind.OUTPUT && b.id().equals(id)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " output blocks for " + id + " in " + pages()
                    + "; mark exactly one with <!-- output: " + id + " -->");
        }
        return found.get(0);
    }

    /**
     * Whether printed text matches a page's output block: line by line, trailing spaces ignored, a line
     * {@code ...} standing for any number of lines.
     */
    public static boolean matches(List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty();
        }
        if (expected.get(0).equals("...")) {
            for (int skip = 0; skip <= actual.size(); skip++) {
                if (matches(expected.subList(1, expected.size()), actual.subList(skip, actual.size()))) {
                    return true;
                }
            }
            return false;
        }
        return !actual.isEmpty() && expected.get(0).stripTrailing().equals(actual.get(0).stripTrailing())
                && matches(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }

    /** The lines of a text, without a final empty line. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static Path sourceDir() {
        return root().resolve("doc-tests/src/test/java/io/retort/docs");
    }

    private static String dedent(List<String> body) {
        int indent = Integer.MAX_VALUE;
        for (String line : body) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
