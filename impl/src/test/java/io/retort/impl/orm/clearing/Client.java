package io.retort.impl.orm.clearing;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code test_cascade.py} users with delete-orphan relationships: orders one-directional, notes with a
 * back reference, and a preference as a many-to-one of its own.
 */
@Mapped(table = "oc_client")
public class Client {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @ForeignKey("oc_pref.id") @Nullable Integer prefId;
    @Relationship(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}) @Nullable Pref pref;
    @Relationship(cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}) List<ClientOrder> orders = new ArrayList<>();
    @Relationship(backPopulates = "client", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    List<ClientNote> notes = new ArrayList<>();

    protected Client() {
    }

    Client(String name) {
        this.name = name;
    }
}
