package io.retort.impl.orm.composite;

import io.retort.orm.Column;
import io.retort.orm.Composite;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A mapped class with two composites: one with the default column names, one named. */
@Mapped(table = "orders")
public class Order {
    @Id @Nullable Integer id;
    @Column(length = 30) String item;
    @Composite @Nullable Money price;
    @Composite(columns = {"ship_cost", "ship_currency"}) @Nullable Money shipping;

    protected Order() {
        this.item = "";
    }

    public Order(String item, @Nullable Money price) {
        this.item = item;
        this.price = price;
    }
}
