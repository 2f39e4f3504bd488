package io.retort.impl.orm.querying;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code users} fixture of the ORM tests, with a manager (a foreign key to itself) for self-joins. */
@Mapped(table = "users")
public class User {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Nullable Integer age;
    @ForeignKey("users.id") @Nullable Integer managerId;
    @Relationship(backPopulates = "user") List<Address> addresses = new ArrayList<>();

    protected User() {
    }

    User(String name, @Nullable Integer age) {
        this.name = name;
        this.age = age;
    }

    @Override
    public String toString() {
        return "User(" + name + ")";
    }
}
