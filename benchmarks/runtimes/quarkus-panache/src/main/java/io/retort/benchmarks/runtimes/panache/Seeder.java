package io.retort.benchmarks.runtimes.panache;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;

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

    void onStart(@Observes Startup event, Seeder self) throws InterruptedException {
        RuntimeException[] failure = {null};
        Thread worker = new Thread(() -> {
            try {
                requestContextActiveAtStart = isRequestContextActive();
                seededId = self.seed();
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

    /** Stores the user {@code started} in its own transaction. */
    @Transactional
    public int seed() {
        User user = new User();
        user.name = "started";
        user.fullname = "stored at startup, outside any request";
        user.persistAndFlush();
        return Objects.requireNonNull(user.id);
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
