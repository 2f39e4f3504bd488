package io.retort.cdi.jta.maria;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A row of the MariaDB side of the two-phase commit. */
@Mapped(table = "cdi_xa_maria_note")
public class XaMariaNote {
    @Id(generation = io.retort.orm.Generation.ASSIGNED) Integer id = 0;
    @Column(length = 40) String body = "";

    protected XaMariaNote() {
    }

    public XaMariaNote(int id, String body) {
        this.id = id;
        this.body = body;
    }
}
