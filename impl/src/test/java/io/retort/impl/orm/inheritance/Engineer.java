package io.retort.impl.orm.inheritance;

import io.retort.orm.Column;
import io.retort.orm.Mapped;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code Engineer}: table engineers, keyed by person_id, a foreign key to people. */
@Mapped(table = "engineers")
@PolymorphicIdentity("engineer")
public class Engineer extends Person {
    @Column(length = 30) @Nullable String status;
    @Column(length = 50) @Nullable String engineerName;
    @Column(length = 50) @Nullable String primaryLanguage;

    protected Engineer() {
    }

    public Engineer(String name, String status, String engineerName, String primaryLanguage) {
        super(name);
        this.status = status;
        this.engineerName = engineerName;
        this.primaryLanguage = primaryLanguage;
    }
}
