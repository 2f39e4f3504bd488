package io.retort.examples.helidon;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** An e-mail address of a user. */
@Mapped(table = "address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress;
    @ForeignKey("user_account.id") Integer userId;

    protected Address() {
        this.emailAddress = "";
        this.userId = 0;
    }

    /** A new address of the user with this id. */
    public Address(String emailAddress, Integer userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }
}
