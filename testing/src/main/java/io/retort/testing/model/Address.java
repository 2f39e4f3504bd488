package io.retort.testing.model;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's address, referring to its user. */
@Mapped(table = "seed_address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress;
    @ForeignKey("seed_user_account.id") Integer userId;

    /** For the ORM. */
    protected Address() {
        this.emailAddress = "";
        this.userId = 0;
    }

    /** A new, transient address of the user {@code userId}. */
    public Address(String emailAddress, Integer userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }
}
