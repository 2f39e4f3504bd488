package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** A note with a reference back to its client. */
@Mapped(table = "oc_note")
public class ClientNote {
    @Id @Nullable Integer id;
    @ForeignKey("oc_client.id") @Nullable Integer clientId;
    @Relationship(backPopulates = "notes") @Nullable Client client;
    @Column(length = 30) String text = "";

    protected ClientNote() {
    }

    ClientNote(String text) {
        this.text = text;
    }
}
