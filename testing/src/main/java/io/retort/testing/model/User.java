package io.retort.testing.model;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's user account, shared by the CDI extension's and the integration tests. */
@Mapped(table = "seed_user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name;
    @Nullable String fullname;

    /** For the ORM. */
    protected User() {
        this.name = "";
    }

    /** A new, transient user. */
    public User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    /** The key, null until flushed. */
    public @Nullable Integer id() {
        return id;
    }

    /** The user name. */
    public String name() {
        return name;
    }
}
