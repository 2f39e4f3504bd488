package io.retort.cdi.beans;

import io.retort.cdi.Database;
import io.retort.orm.EntityListener;
import io.retort.orm.Session;
import io.retort.orm.SessionListener;
import io.retort.testing.reporting.Report;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listener beans: one for the "reporting" database's Reports, one for the default database's commits. */
public final class Audit {
    /** What the listeners heard. */
    public static final List<String> HEARD = new CopyOnWriteArrayList<>();

    private Audit() {
    }

    /** Hears the Reports inserted through the "reporting" database's sessions. */
    @ApplicationScoped
    @Database("reporting")
    public static class ReportAudit implements EntityListener<Report> {
        @Override
        public void beforeInsert(Session session, Report report) {
            HEARD.add("reporting before_insert " + report.getClass().getSimpleName());
        }
    }

    /** Hears the commits of the default database's sessions. */
    @ApplicationScoped
    public static class CommitAudit implements SessionListener {
        @Override
        public void afterCommit(Session session) {
            HEARD.add("default after_commit");
        }
    }
}
