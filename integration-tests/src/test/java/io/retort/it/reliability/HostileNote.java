package io.retort.it.reliability;

import io.retort.orm.Column;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A row holding one hostile string, written and read through the ORM. */
@Mapped(table = "rel_hostile_orm")
public class HostileNote {
    @Id(generation = Generation.ASSIGNED) @Nullable Integer id;
    @Column(length = 2000) String body;

    protected HostileNote() {
        this(0, "");
    }

    HostileNote(int id, String body) {
        this.id = id;
        this.body = body;
    }
}
