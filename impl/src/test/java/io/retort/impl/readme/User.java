package io.retort.impl.readme;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** The README's {@code User}. */
@Mapped(table = "user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Nullable String fullname;

    protected User() {
    }

    public User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
}
