package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A client's preference, deleted when no client refers to it any more. */
@Mapped(table = "oc_pref")
public class Pref {
    @Id @Nullable Integer id;
    @Column(length = 30) String data = "";

    protected Pref() {
    }

    Pref(String data) {
        this.data = data;
    }
}
