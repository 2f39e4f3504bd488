package io.retort.docs.cdi;

import io.retort.docs.orm.User;
import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The CDI page's bean: {@code @Inject Session}. */
// tag::accounts[]
@ApplicationScoped
public class Accounts {
    @Inject Session session;                                  // the Session of the current request

    public User register(String name) {
        User user = new User(name, null);
        session.add(user);
        session.commit();                                     // nothing is ever committed for you
        return user;
    }

    public long count() {
        return session.execute(io.retort.sql.Sql.text("SELECT count(*) FROM user_account")).scalar(Long.class);
    }
}
// end::accounts[]
