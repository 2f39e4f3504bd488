package io.retort.impl.orm.querying;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code addresses} fixture of the ORM tests. */
@Mapped(table = "addresses")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 50) String emailAddress = "";
    @ForeignKey("users.id") @Nullable Integer userId;
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
