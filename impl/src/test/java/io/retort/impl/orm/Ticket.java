package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A UUID key generated in Java, an enum column and a server-side default read back after INSERT. */
@Mapped
public class Ticket {
    enum Priority { LOW, HIGH }

    @Id @Nullable UUID id;
    @Column(length = 80) String title;
    Priority priority;
    @Column(serverDefault = "7") @Nullable Integer points;
    boolean open;
    @Nullable LocalDateTime closedAt;
    transient String scratch = "not mapped";

    protected Ticket() {
        this("", Priority.LOW);
    }

    Ticket(String title, Priority priority) {
        this.title = title;
        this.priority = priority;
        this.open = true;
    }
}
