package io.retort.it;

import io.retort.engine.Engine;
import io.retort.orm.Session;
import io.retort.testing.model.Address;
import io.retort.testing.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean on the default database. */
@ApplicationScoped
public class Accounts {
    @Inject
    Session session;

    @Inject
    Engine engine;

    public Session session() {
        return session;
    }

    public Engine engine() {
        return engine;
    }

    public User register(String name, String fullname, String email) {
        User user = new User(name, fullname);
        session.add(user);
        session.flush();
        session.add(new Address(email, user.id()));
        session.commit();
        return user;
    }
}
