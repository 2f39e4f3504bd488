package io.retort.impl.orm.clearing;

import io.retort.orm.ForeignKey;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** A desk whose owner is written by a post-update (SQLAlchemy's post_update=True), keys assigned by the application. */
@Mapped(table = "pu_desk")
public class Desk {
    @Id(generation = Generation.ASSIGNED) Integer id = 0;
    @ForeignKey("pu_agent.id") @Nullable Integer ownerId;
    @Relationship(postUpdate = true) @Nullable Agent owner;

    protected Desk() {
    }

    Desk(int id) {
        this.id = id;
    }
}
