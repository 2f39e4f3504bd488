package io.retort.benchmarks.runtimes.panache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The use cases of the Retort example, with Panache. */
@ApplicationScoped
public class Users {
    /** A user as the API shows it. */
    public record UserView(int id, String name, String fullname, List<String> emails) {
    }

    /** Creates a user with one address. */
    @Transactional
    public int create(String name, String fullname, String email) {
        User user = new User();
        user.name = name;
        user.fullname = fullname;
        user.persistAndFlush();
        Address address = new Address();
        address.emailAddress = email;
        address.userId = user.id;
        address.persist();
        return user.id;
    }

    /** Creates a user, flushes it, then fails. */
    @Transactional
    public int createThenFail(String name) {
        User user = new User();
        user.name = name;
        user.persistAndFlush();
        throw new IllegalStateException("failed after flushing user " + user.id + " on purpose");
    }

    /** The user with this id, with its addresses, or null. */
    @Transactional
    public UserView find(int id) {
        User user = User.findById(id);
        if (user == null) {
            return null;
        }
        List<Address> addresses = Address.list("userId", id);
        return new UserView(id, user.name, user.fullname, addresses.stream().map(a -> a.emailAddress).toList());
    }
}
