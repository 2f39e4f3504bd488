package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** The seed's {@code Address}: {@code user_id} filled from the {@code user} relationship. */
@Mapped(table = "address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress = "";
    @ForeignKey("user_account.id") @Nullable Integer userId;
    @Relationship(backPopulates = "addresses") @Nullable User user;

    protected Address() {
    }

    Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    @Override
    public String toString() {
        return "Address(" + emailAddress + ")";
    }
}
