package io.retort.impl.orm.clearing;

import io.retort.orm.ForeignKey;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import io.retort.orm.Version;
import org.jspecify.annotations.Nullable;

/** A versioned row with two post-update references, each of which checks and bumps the version. */
@Mapped(table = "pu_kiosk")
public class Kiosk {
    @Id(generation = Generation.ASSIGNED) Integer id = 0;
    @Version int version;
    @ForeignKey("pu_agent.id") @Nullable Integer ownerId;
    @ForeignKey("pu_agent.id") @Nullable Integer deputyId;
    @Relationship(postUpdate = true, foreignKey = "ownerId") @Nullable Agent owner;
    @Relationship(postUpdate = true, foreignKey = "deputyId") @Nullable Agent deputy;

    protected Kiosk() {
    }

    Kiosk(int id) {
        this.id = id;
    }
}
