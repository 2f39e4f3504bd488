package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** An order that cannot exist without its client (NOT NULL foreign key). */
@Mapped(table = "oc_order")
public class ClientOrder {
    @Id @Nullable Integer id;
    @ForeignKey("oc_client.id") Integer clientId = 0;
    @Column(length = 30) String description = "";

    protected ClientOrder() {
    }

    ClientOrder(String description) {
        this.description = description;
    }
}
