package io.retort.examples.cdi;

import io.retort.orm.Orm;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.io.PrintStream;

/**
 * The seed's ORM walkthrough in a CDI container (Weld SE): {@code @Inject Session session;} on an in-memory SQLite
 * database, configured by {@code META-INF/microprofile-config.properties} ({@code retort.url},
 * {@code retort.schema-generation=create}, {@code retort.packages}). Run it with
 * {@code mvn -q -pl examples -am -DskipTests package exec:exec@weld-walkthrough}.
 */
public final class OrmWalkthrough {
    private OrmWalkthrough() {
    }

    /** Starts the container, runs the walkthrough, and shuts the container down (closing the engine's pool). */
    public static void main(String[] args) {
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            run(container.select(Walkthrough.class).get(), System.out);
        }
    }

    /** The walkthrough, printing what it sees to {@code out}. */
    static void run(Walkthrough walkthrough, PrintStream out) {
        User squidward = walkthrough.states(out);
        out.println("4. detached:   " + Orm.inspect(squidward).state() + " (the request, and its Session, ended)");
        walkthrough.nextRequest(squidward, out);
        walkthrough.forgetToCommit();
        out.println("7. after a request that did not commit: " + walkthrough.countUsers() + " users");
        out.println("8. outside a request: " + walkthrough.outsideARequest());
    }
}
