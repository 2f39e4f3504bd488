package io.retort.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.docs.Snippets.Block;
import io.retort.docs.Snippets.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide's and README's snippets are the code the *IT tests of this module compile and run: every Java block of a
 * page is marked with its source region and equals it, and every output block is asserted by the test that prints
 * it.
 */
class DocsMatchSourcesTest {

    @Test
    void everyJavaBlockIsMarkedAndEqualsItsRegion() {
        List<String> problems = new ArrayList<>();
        for (Block block : Snippets.allBlocks()) {
            if (block.language().equals("java") && block.kind() != Kind.SNIPPET) {
                problems.add(block.where() + ": a Java block without <!-- snippet: path#name --> before it: copy it"
                        + " into a test of doc-tests between // tag::name[] and // end::name[] and mark it");
            } else if (block.kind() == Kind.SNIPPET) {
                String region;
                try {
                    region = Snippets.region(block.id());
                } catch (IllegalArgumentException e) {
                    problems.add(block.where() + ": " + e.getMessage());
                    continue;
                }
                if (!region.equals(block.text())) {
                    problems.add(block.where() + ": the snippet differs from " + block.id() + ", which runs:\n"
                            + region + "--- the page shows:\n" + block.text());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOutputBlockIsAssertedByATest() throws IOException {
        String sources = allSources();
        List<String> problems = new ArrayList<>();
        for (Block block : Snippets.allBlocks()) {
            if (block.kind() == Kind.OUTPUT) {
                try {
                    Snippets.region(block.id());
                } catch (IllegalArgumentException e) {
                    problems.add(block.where() + ": " + e.getMessage());
                }
                if (!sources.contains("assertShown(\"" + block.id() + "\")")) {
                    problems.add(block.where() + ": no test calls printed.assertShown(\"" + block.id() + "\")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySnippetIsInATestOrInAClassATestUses() throws IOException {
        List<String> problems = new ArrayList<>();
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.walk(Snippets.sourceDir())) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith("IT.java"))::iterator) {
                tests.append(Files.readString(file));
            }
        }
        for (Block block : Snippets.allBlocks()) {
            if (block.kind() == Kind.SNIPPET && !block.source().endsWith("IT.java")) {
                String name = block.source().substring(block.source().lastIndexOf('/') + 1).replace(".java", "");
                if (!java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(tests).find()) {
                    problems.add(block.where() + ": " + block.id()
                            + " is in a class no *IT test uses, so it never runs");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theGuideHasAtLeastSixtyRunningSnippets() {
        long snippets = Snippets.allBlocks().stream().filter(b -> b.kind() == Kind.SNIPPET).count();
        assertThat(snippets).isGreaterThanOrEqualTo(60);
    }

    @Test
    void linksBetweenPagesResolve() throws IOException {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)#\\s:]+)(#[\\w-]+)?\\)");
        List<String> problems = new ArrayList<>();
        for (Path page : Snippets.pages()) {
            java.util.regex.Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                Path target = page.getParent().resolve(m.group(1)).normalize();
                if (!Files.exists(target)) {
                    problems.add(Snippets.root().relativize(page) + ": no file " + m.group(1));
                } else if (m.group(2) != null && !anchors(target).contains(m.group(2).substring(1))) {
                    problems.add(Snippets.root().relativize(page) + ": no heading " + m.group(2) + " in " + m.group(1));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\w\\- ]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    @Test
    void outputWithAnEllipsisMatchesAnyLines() {
        assertThat(Snippets.matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d"))).isTrue();
        assertThat(Snippets.matches(List.of("a", "...", "d"), List.of("a", "d"))).isTrue();
        assertThat(Snippets.matches(List.of("a", "...", "d"), List.of("a", "b"))).isFalse();
        assertThat(Snippets.matches(List.of("a", "b"), List.of("a", "b", "c"))).isFalse();
    }

    private static String allSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Snippets.sourceDir())) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
