package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The seed's {@code User}: {@code user_account} with a database-generated key. */
@Mapped(table = "user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name;
    @Nullable String fullname;

    protected User() {
        this.name = "";
    }

    User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")";
    }
}
