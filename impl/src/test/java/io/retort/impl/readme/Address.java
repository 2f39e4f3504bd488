package io.retort.impl.readme;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The README's {@code Address}. */
@Mapped(table = "address")
public class Address {
    @Id @Nullable Integer id;
    @Column(length = 100) String emailAddress = "";
    @ForeignKey("user_account.id") Integer userId = 0;

    protected Address() {
    }

    Address(String emailAddress, Integer userId) {
        this.emailAddress = emailAddress;
        this.userId = userId;
    }
}
