package io.retort.cdi.beans;

import io.retort.cdi.Database;
import io.retort.engine.Engine;
import io.retort.orm.Session;
import io.retort.testing.reporting.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean using the "reporting" database. */
@ApplicationScoped
public class ReportingDesk {
    @Inject
    @Database("reporting")
    Session session;

    @Inject
    @Database("reporting")
    Engine engine;

    public Session session() {
        return session;
    }

    public Engine engine() {
        return engine;
    }

    public void file(String title) {
        session.add(new Report(title));
        session.commit();
    }
}
