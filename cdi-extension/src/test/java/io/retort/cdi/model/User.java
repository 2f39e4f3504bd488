package io.retort.cdi.model;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's user account. */
@Mapped(table = "cdi_user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name;
    @Nullable String fullname;

    protected User() {
        this.name = "";
    }

    public User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public @Nullable Integer id() {
        return id;
    }

    public String name() {
        return name;
    }
}
