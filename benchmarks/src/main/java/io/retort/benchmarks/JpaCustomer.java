package io.retort.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The Hibernate mapping of {@code bench_customer}: an IDENTITY key, as Retort's database-generated one. */
@Entity
@Table(name = Fixture.TABLE)
public class JpaCustomer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Integer id;
    String name;
    String description;

    protected JpaCustomer() {
    }

    JpaCustomer(String name, String description) {
        this.name = name;
        this.description = description;
    }
}
