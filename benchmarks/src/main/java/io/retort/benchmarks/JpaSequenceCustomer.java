package io.retort.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench_customer} mapped as a Hibernate expert would for bulk inserts: a SEQUENCE key with the pooled
 * optimizer (allocation size 50, one sequence call per 50 rows), so the inserts go out in JDBC batches (IDENTITY
 * keys switch Hibernate's insert batching off). Not on SQLite, which has no sequences.
 */
@Entity
@Table(name = Fixture.TABLE)
public class JpaSequenceCustomer {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_customer_pooled")
    @SequenceGenerator(name = "bench_customer_pooled", sequenceName = Fixture.HIBERNATE_SEQUENCE, allocationSize = 50)
    @Nullable Integer id;
    String name;
    String description;

    protected JpaSequenceCustomer() {
    }

    JpaSequenceCustomer(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
