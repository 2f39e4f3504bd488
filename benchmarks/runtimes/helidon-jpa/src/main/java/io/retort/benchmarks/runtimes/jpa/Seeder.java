package io.retort.benchmarks.runtimes.jpa;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Stores a user when the application starts, on a thread of its own: the entity manager used outside any request, inside a
 * {@code @Transactional} method, as a scheduler or a message consumer does. (The startup event itself may be delivered
 * with a request context active, as Quarkus does; a plain thread has none.)
 */
@ApplicationScoped
public class Seeder {
    @Inject
    BeanManager beans;

    private volatile int seededId;
    private volatile boolean requestContextActiveAtStart;

    void onStart(@Observes Startup event, Users users) throws InterruptedException {
        RuntimeException[] failure = {null};
        Thread worker = new Thread(() -> {
            try {
                requestContextActiveAtStart = isRequestContextActive();
                seededId = users.seed();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "retort-example-seeder");
        worker.start();
        worker.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private boolean isRequestContextActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The id of the user stored at start. */
    public int seededId() {
        return seededId;
    }

    /** Whether a request context was active on the seeding thread (it should not be). */
    public boolean requestContextActiveAtStart() {
        return requestContextActiveAtStart;
    }
}
