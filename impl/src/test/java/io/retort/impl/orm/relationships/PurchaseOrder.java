package io.retort.impl.orm.relationships;

import io.retort.orm.Cascade;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order whose lines are association objects between it and {@link Item}s. */
@Mapped
public class PurchaseOrder {
    @Id @Nullable Integer id;
    @ForeignKey("user_account.id") @Nullable Integer userId;
    @Relationship @Nullable User user;
    @Relationship(backPopulates = "order", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    List<OrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    PurchaseOrder(@Nullable User user) {
        this.user = user;
    }
}
