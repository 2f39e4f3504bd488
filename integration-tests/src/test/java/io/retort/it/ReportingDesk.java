package io.retort.it;

import io.retort.cdi.Database;
import io.retort.orm.Session;
import io.retort.testing.reporting.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean on the "reporting" database. */
@ApplicationScoped
public class ReportingDesk {
    @Inject
    @Database("reporting")
    Session session;

    public Session session() {
        return session;
    }

    public Report file(String title) {
        Report report = new Report(title);
        session.add(report);
        session.commit();
        return report;
    }
}
