package io.retort.it.reporting;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A mapped class of the "reporting" database (PostgreSQL). */
@Mapped(table = "retort_it_cdi_report")
public class Report {
    @Id @Nullable Integer id;
    @Column(length = 50) String title;

    protected Report() {
        this.title = "";
    }

    public Report(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
