package io.retort.impl.orm.querying;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/**
 * SQLAlchemy's {@code orders} fixture of the ORM tests, with the deferral of test_deferred.py's mappings: description
 * and isopen deferred in group "primary", notes deferred alone.
 */
@Mapped(table = "orders")
public class Order {
    @Id @Nullable Integer id;
    @ForeignKey("users.id") @Nullable Integer userId;
    @Nullable Integer addressId;
    @Column(length = 30, deferGroup = "primary") @Nullable String description;
    @Column(deferGroup = "primary") boolean isopen;
    @Column(deferred = true, text = true) @Nullable String notes;

    protected Order() {
    }

    Order(Integer userId, Integer addressId, String description, boolean isopen, String notes) {
        this.userId = userId;
        this.addressId = addressId;
        this.description = description;
        this.isopen = isopen;
        this.notes = notes;
    }

    @Override
    public String toString() {
        return "Order(" + id + ")";
    }
}
