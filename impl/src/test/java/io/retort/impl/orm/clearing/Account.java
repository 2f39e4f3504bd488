package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** SQLAlchemy's {@code NaturalPKRollbackTest} users: the name is the primary key, assigned by the application. */
@Mapped(table = "fk_account")
public class Account {
    @Id @Column(length = 30) String name = "";
    @Column(length = 30) @Nullable String note;

    protected Account() {
    }

    Account(String name) {
        this.name = name;
    }
}
