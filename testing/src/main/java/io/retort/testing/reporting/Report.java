package io.retort.testing.reporting;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A mapped class of a second, "reporting" database, in a package of its own so that it can be scanned alone. */
@Mapped(table = "seed_report")
public class Report {
    @Id @Nullable Integer id;
    @Column(length = 50) String title;

    /** For the ORM. */
    protected Report() {
        this.title = "";
    }

    /** A new, transient report. */
    public Report(String title) {
        this.title = title;
    }

    /** The title. */
    public String title() {
        return title;
    }
}
