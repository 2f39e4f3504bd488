package io.retort.examples.helidon;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A user account: {@code user_account} with a name (NOT NULL) and an optional full name. */
@Mapped(table = "user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name;
    @Nullable String fullname;

    protected User() {
        this.name = "";
    }

    /** A new, transient user. */
    public User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
}
