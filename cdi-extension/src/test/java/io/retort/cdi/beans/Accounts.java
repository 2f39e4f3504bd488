package io.retort.cdi.beans;

import io.retort.orm.Session;
import io.retort.testing.model.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean using the injected Session. */
@ApplicationScoped
public class Accounts {
    @Inject
    Session session;

    public Session session() {
        return session;
    }

    public User register(String name, String fullname) {
        User user = new User(name, fullname);
        session.add(user);
        session.commit();
        return user;
    }
}
