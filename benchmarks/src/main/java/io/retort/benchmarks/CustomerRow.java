package io.retort.benchmarks;

/** A record Retort Core's {@code Result.mapTo} fills. */
public record CustomerRow(Integer id, String name, String description) {
}
