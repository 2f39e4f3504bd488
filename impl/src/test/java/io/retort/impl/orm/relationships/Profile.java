package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** One-to-one with {@link User}: the foreign key is here, unique. */
@Mapped
public class Profile {
    @Id @Nullable Integer id;
    @ForeignKey("user_account.id") @Column(unique = true) @Nullable Integer userId;
    @Column(length = 200) String bio = "";
    @Relationship(backPopulates = "profile") @Nullable User user;

    protected Profile() {
    }

    Profile(String bio) {
        this.bio = bio;
    }
}
