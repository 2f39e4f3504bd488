package io.retort.examples.cdi;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's {@code User}: {@code user_account} with {@code name} (NOT NULL) and an optional {@code fullname}. */
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

    /** The primary key: null until the INSERT. */
    public @Nullable Integer id() {
        return id;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name='" + name + "', fullname='" + fullname + "')";
    }
}
