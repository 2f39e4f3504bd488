package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's {@code Address}, referring to its user by a foreign-key field. */
@Mapped(table = "address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress;
    @ForeignKey("user_account.id") Integer userId;

    protected Address() {
        this.emailAddress = "";
        this.userId = 0;
    }

    Address(String emailAddress, Integer userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }

    @Override
    public String toString() {
        return "Address(id=" + id + ", email_address=" + emailAddress + ")";
    }
}
