package io.retort.jta;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A row written inside JTA transactions. */
@Mapped
public class JtaNote {
    @Id @Nullable Integer id;
    @Column(length = 40) String body = "";

    protected JtaNote() {
    }

    JtaNote(String body) {
        this.body = body;
    }
}
