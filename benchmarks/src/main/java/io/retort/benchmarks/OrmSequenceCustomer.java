package io.retort.benchmarks;

import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/**
 * The Retort ORM mapping of {@code bench_customer} with a SEQUENCE key ({@value Fixture#ORM_SEQUENCE}), beside
 * {@link OrmCustomer}'s identity key. Not on SQLite, which has no sequences.
 */
@Mapped(table = Fixture.TABLE)
public class OrmSequenceCustomer {
    @Id(generation = Generation.SEQUENCE, sequence = Fixture.ORM_SEQUENCE) @Nullable Integer id;
    String name;
    @Nullable String description;

    protected OrmSequenceCustomer() {
    }

    OrmSequenceCustomer(String name, @Nullable String description) {
        this.name = name;
        this.description = description;
    }
}
