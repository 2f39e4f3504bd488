package io.retort.benchmarks;

/** The plain object raw JDBC and jOOQ build from a row, as the ORMs build their mapped customers. */
public final class Customer {
    Integer id;
    String name;
    String description;

    Customer(Integer id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }
}
