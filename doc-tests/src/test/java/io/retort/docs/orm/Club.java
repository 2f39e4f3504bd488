package io.retort.docs.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The ORM tutorial's {@code Club}: many-to-many with {@code User} through the association table membership. */
// tag::club[]
@Mapped
public class Club {
    @Id @Nullable Integer id;
    @Column(length = 30) String name;
    @Relationship(secondary = "membership", backPopulates = "clubs") Set<User> members = new HashSet<>();

    protected Club() {}

    public Club(String name) {
        this.name = name;
    }
}
// end::club[]
