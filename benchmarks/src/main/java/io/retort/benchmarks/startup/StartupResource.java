package io.retort.benchmarks.startup;

import io.retort.benchmarks.startup.retort.Entity00;
import io.retort.orm.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;

/** The startup benchmark's application bean: what a JAX-RS resource of a Retort app is, {@code @Inject Session}. */
@RequestScoped
public class StartupResource {
    @Inject
    Session session;

    /** The first query of the app: a lookup by key. */
    public @Nullable Entity00 first() {
        return session.get(Entity00.class, 1);
    }
}
