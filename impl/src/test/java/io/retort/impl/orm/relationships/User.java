package io.retort.impl.orm.relationships;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The seed's {@code User} with {@code relationship(back_populates="user")}, and a one-to-one profile. */
@Mapped(table = "user_account")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Nullable String fullname;
    @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    List<Address> addresses = new ArrayList<>();
    @Relationship(backPopulates = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}) @Nullable Profile profile;

    protected User() {
    }

    User(String name, @Nullable String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    @Override
    public String toString() {
        return "User(" + name + ")";
    }
}
