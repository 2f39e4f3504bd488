package io.retort.impl.orm.inheritance.single;

import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;

/** SQLAlchemy's single-table {@code JuniorEngineer}, an Engineer with no column of its own. */
@Mapped
@PolymorphicIdentity("juniorengineer")
public class JuniorEngineer extends Engineer {
    protected JuniorEngineer() {
    }

    public JuniorEngineer(String name, String engineerInfo) {
        super(name, engineerInfo);
    }
}
