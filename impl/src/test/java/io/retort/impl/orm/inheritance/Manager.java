package io.retort.impl.orm.inheritance;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code Manager}: table managers. */
@Mapped(table = "managers")
@PolymorphicIdentity("manager")
public class Manager extends Person {
    @Column(length = 30) @Nullable String status;
    @Column(length = 50) @Nullable String managerName;

    protected Manager() {
    }

    public Manager(String name, String status, String managerName) {
        super(name);
        this.status = status;
        this.managerName = managerName;
    }
}
