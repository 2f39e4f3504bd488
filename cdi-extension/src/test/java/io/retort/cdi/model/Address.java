package io.retort.cdi.model;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's address, referring to its user. */
@Mapped(table = "cdi_address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress;
    @ForeignKey("cdi_user_account.id") Integer userId;

    protected Address() {
        this.emailAddress = "";
        this.userId = 0;
    }

    public Address(String emailAddress, Integer userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }
}
