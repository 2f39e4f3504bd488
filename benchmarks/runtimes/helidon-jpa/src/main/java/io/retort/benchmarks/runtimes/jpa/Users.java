package io.retort.benchmarks.runtimes.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The use cases of the Retort example, with JPA. */
@ApplicationScoped
public class Users {
    @PersistenceContext(unitName = "app")
    EntityManager em;

    /** A user as the API shows it. */
    public record UserView(int id, String name, String fullname, List<String> emails) {
    }

    /** Creates a user with one address. */
    @Transactional
    public int create(String name, String fullname, String email) {
        User user = new User();
        user.name = name;
        user.fullname = fullname;
        em.persist(user);
        em.flush();
        Address address = new Address();
        address.emailAddress = email;
        address.userId = user.id;
        em.persist(address);
        return user.id;
    }

    /** Creates a user, flushes it, then fails. */
    @Transactional
    public int createThenFail(String name) {
        User user = new User();
        user.name = name;
        em.persist(user);
        em.flush();
        throw new IllegalStateException("failed after flushing user " + user.id + " on purpose");
    }

    /** The user with this id, with its addresses, or null. */
    @Transactional
    public UserView find(int id) {
        User user = em.find(User.class, id);
        if (user == null) {
            return null;
        }
        List<Address> addresses = em.createQuery("SELECT a FROM Address a WHERE a.userId = :id", Address.class)
                .setParameter("id", id).getResultList();
        return new UserView(id, user.name, user.fullname, addresses.stream().map(a -> a.emailAddress).toList());
    }

    /** Stores the user {@code started}. */
    @Transactional
    public int seed() {
        User user = new User();
        user.name = "started";
        user.fullname = "stored at startup, outside any request";
        em.persist(user);
        em.flush();
        return user.id;
    }
}
