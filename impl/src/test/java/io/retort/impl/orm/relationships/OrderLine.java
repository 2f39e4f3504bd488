package io.retort.impl.orm.relationships;

import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/** An association object: its key is the two foreign keys, filled from its relationships; it has data of its own. */
@Mapped
public class OrderLine {
    @Id @ForeignKey("purchase_order.id") @Nullable Integer purchaseOrderId;
    @Id @ForeignKey("item.id") @Nullable Integer itemId;
    int quantity;
    @Relationship(backPopulates = "lines") @Nullable PurchaseOrder order;
    @Relationship @Nullable Item item;

    protected OrderLine() {
    }

    OrderLine(Item item, int quantity) {
        this.item = item;
        this.quantity = quantity;
    }
}
