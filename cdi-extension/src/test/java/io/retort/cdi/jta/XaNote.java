package io.retort.cdi.jta;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** A row of the PostgreSQL side of the two-phase commit. */
@Mapped(table = "cdi_xa_note")
public class XaNote {
    @Id(generation = io.retort.orm.Generation.ASSIGNED) Integer id = 0;
    @Column(length = 40) String body = "";

    protected XaNote() {
    }

    public XaNote(int id, String body) {
        this.id = id;
        this.body = body;
    }
}
