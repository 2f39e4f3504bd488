package io.retort.docs.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** The ORM tutorial's {@code Address}. */
// tag::address[]
@Mapped(table = "address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress;                   // column email_address
    @ForeignKey("user_account.id") @Nullable Integer userId;     // filled from `user` at flush
    @Relationship(backPopulates = "addresses") @Nullable User user;   // many-to-one

    protected Address() {}

    public Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    @Override
    public String toString() {
        return "Address(" + emailAddress + ")";
    }
}
// end::address[]
