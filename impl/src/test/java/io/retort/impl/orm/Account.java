package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Version;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A versioned row (optimistic locking) with a unique column. */
@Mapped
public class Account {
    @Id @Nullable Long id;
    @Column(length = 40, unique = true) String owner;
    @Column(precision = 12, scale = 2) BigDecimal balance;
    @Version int version;

    protected Account() {
        this("", BigDecimal.ZERO);
    }

    Account(String owner, BigDecimal balance) {
        this.owner = owner;
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "Account(" + owner + ")";
    }
}
