package io.retort.examples.quarkus;

import static io.retort.orm.Orm.select;

import io.retort.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The application's use cases; each write runs in a container-managed JTA transaction. */
@ApplicationScoped
public class Users {
    @Inject
    Session session;

    /** A user as the API shows it. */
    public record UserView(int id, String name, @Nullable String fullname, List<String> emails) {
    }

    /** Creates a user with one address; the flush assigns the user's id, which the address needs. */
    @Transactional
    public int create(String name, @Nullable String fullname, String email) {
        User user = new User(name, fullname);
        session.add(user);
        session.flush();
        int id = Objects.requireNonNull(user.id);
        session.add(new Address(email, id));
        return id;
    }

    /** Creates a user, flushes it, then fails: the transaction rolls back and nothing is stored. */
    @Transactional
    public int createThenFail(String name) {
        User user = new User(name, null);
        session.add(user);
        session.flush();
        throw new IllegalStateException("failed after flushing user " + user.id + " on purpose");
    }

    /** The user with this id, with its addresses, or null. */
    public @Nullable UserView find(int id) {
        User user = session.get(User.class, id);
        if (user == null) {
            return null;
        }
        List<String> emails = session.scalars(select(Address.class)).all().stream()
                .filter(address -> address.userId == id).map(address -> address.emailAddress).toList();
        return new UserView(id, user.name, user.fullname, emails);
    }
}
