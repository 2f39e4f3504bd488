package io.retort.cdi.beans;

import io.retort.cdi.Database;
import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Asks for the "reporting" database, which may not be configured. */
@ApplicationScoped
public class ReportingReader {
    @Inject
    @Database("reporting")
    Session session;
}
