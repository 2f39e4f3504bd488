package io.retort.cdi.reporting;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A mapped class of the "reporting" database. */
@Mapped(table = "cdi_report")
public class Report {
    @Id @Nullable Integer id;
    @Column(length = 50) String title;

    protected Report() {
        this.title = "";
    }

    public Report(String title) {
        this.title = title;
    }
}
