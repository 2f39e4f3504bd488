package io.retort.benchmarks;

import org.jspecify.annotations.Nullable;

/** The plain object raw JDBC and jOOQ build from a row, as the ORMs build their mapped customers. */
public final class Customer {
    Integer id;
    String name;
    @Nullable String description;

    Customer(Integer id, String name, @Nullable String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }
}
