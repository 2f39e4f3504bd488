package io.retort.impl.orm.inheritance;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code Boss}, a Manager: table boss. SQLAlchemy's fixture names its key boss_id; Retort names a
 * subclass table's key columns as the base table's (person_id), each a foreign key to the superclass's table.
 */
@Mapped(table = "boss")
@PolymorphicIdentity("boss")
public class Boss extends Manager {
    @Column(length = 30) @Nullable String golfSwing;

    protected Boss() {
    }

    public Boss(String name, String status, String managerName, String golfSwing) {
        super(name, status, managerName);
        this.golfSwing = golfSwing;
    }
}
