package io.retort.examples.cdi;

import static io.retort.orm.Orm.select;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.Orm;
import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.List;

/**
 * The seed's ORM walkthrough as a CDI bean: each {@code @ActivateRequestContext} method is one request, and so one
 * Session, as each {@code with Session(engine) as session:} block of the seed is. The injected Session is the
 * request's; the container closes it when the method returns.
 */
@ApplicationScoped
public class Walkthrough {
    @Inject
    Session session;

    /** The object states, step by step (transient, pending, persistent, and detached once the request ends). */
    @ActivateRequestContext
    public User states(PrintStream out) {
        User squidward = new User("squidward", "Squidward Tentacles");
        out.println("1. transient:  squidward.id = " + squidward.id() + ", " + Orm.inspect(squidward).state());
        session.add(squidward);
        out.println("2. pending:    " + Orm.inspect(squidward).state());
        session.commit();
        out.println("3. persistent: squidward.id = " + squidward.id() + ", " + Orm.inspect(squidward).state());
        return squidward;
    }

    /** The next request: a new Session, with an identity map of its own. */
    @ActivateRequestContext
    public void nextRequest(User squidward, PrintStream out) {
        Integer id = squidward.id();
        if (id == null) {
            throw new IllegalArgumentException("Squidward has no id yet: commit him (firstRequest) first");
        }
        User loaded = session.get(User.class, id);
        out.println("5. next request: " + loaded + ", a new instance: " + (loaded != squidward)
                + ", same instance on a second get: " + (session.get(User.class, id) == loaded));
        session.add(new Address("squidward@krustykrab.com", id));
        session.add(new User("spongebob", "Spongebob Squarepants"));
        session.commit();
        List<User> users = session.scalars(select(User.class)
                .where(Orm.attribute(User.class, "name").like("s%"))
                .orderBy(Orm.attribute(User.class, "id").asc())).all();
        out.println("6. users named s%: " + users);
    }

    /** Changes not committed when the request ends are rolled back, never committed silently. */
    @ActivateRequestContext
    public void forgetToCommit() {
        session.add(new User("patrick", "Patrick Star"));
    }

    /** Counts the users, in a request of its own. */
    @ActivateRequestContext
    public long countUsers() {
        return session.scalars(select(User.class)).all().size();
    }

    /** Outside any request, the Session says what to add. */
    public String outsideARequest() {
        try {
            session.get(User.class, 1);
            return "no error";
        } catch (InvalidRequestException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
