package io.retort.cdi.jta;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A row written by {@code @Transactional} methods. */
@Mapped(table = "cdi_ledger")
public class LedgerEntry {
    @Id @Nullable Integer id;
    @Column(length = 40) String note = "";

    protected LedgerEntry() {
    }

    public LedgerEntry(String note) {
        this.note = note;
    }
}
