package io.retort.benchmarks;

import java.util.Locale;

/**
 * Who runs a benchmark. A benchmark method is named {@code contender_variant}, e.g. {@code core_executemany} or
 * {@code hibernate_stateless}: the prefix picks the contender (and what the fixture sets up for it), the rest is the
 * variant shown in the results ({@code executemany}, {@code stateless}).
 */
public enum Contender {
    JDBC("jdbc"), CORE("retort-core"), ORM("retort-orm"), HIBERNATE("hibernate"), JOOQ("jooq");

    private final String label;

    Contender(String label) {
        this.label = label;
    }

    /** The name in the results table and CSV. */
    public String label() {
        return label;
    }

    /** The contender of a benchmark method name ({@code core_executemany}) or full benchmark name. */
    public static Contender ofMethod(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return valueOf(method.substring(0, method.indexOf('_')).toUpperCase(Locale.ROOT));
    }

    /** The variant of a benchmark method name: {@code add_flush} of {@code orm_add_flush} is {@code add-flush}. */
    public static String variantOfMethod(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return method.substring(method.indexOf('_') + 1).replace('_', '-');
    }
}
