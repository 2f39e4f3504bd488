package io.retort.impl.orm.clearing;

import io.retort.orm.ForeignKey;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import io.retort.orm.Version;
import org.jspecify.annotations.Nullable;

/** A versioned {@link Desk}: its owner is written by a post-update, which checks and bumps the version. */
@Mapped(table = "pu_booth")
public class Booth {
    @Id(generation = Generation.ASSIGNED) Integer id = 0;
    @Version int version;
    @ForeignKey("pu_agent.id") @Nullable Integer ownerId;
    @Relationship(postUpdate = true) @Nullable Agent owner;

    protected Booth() {
    }

    Booth(int id) {
        this.id = id;
    }
}
