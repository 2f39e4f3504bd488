package io.retort.impl.orm.relationships;

import io.retort.engine.Engine;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;

/** Objects of this package's mapped classes for tests elsewhere (their constructors are package-private). */
public final class RelationshipsFixtures {
    private RelationshipsFixtures() {
    }

    /** The relationships' {@code User} class, whose registry must also list Address and Profile. */
    public static Class<?> userClass() {
        return User.class;
    }

    /** A new user with one address and a profile. */
    public static Object userWithAddress() {
        User user = new User("gc", null);
        user.addresses.add(new Address("gc@x.org"));
        user.profile = new Profile("collectable");
        return user;
    }

    /** This package's user tables, created. */
    static Registry createTables(Engine engine) {
        Registry registry = Registry.of(User.class, Address.class, Profile.class, Attachment.class);
        registry.createAll(engine);
        return registry;
    }

    /** Commits user jack ("Jack Bean") with an address of each email; his key. */
    static int commitJack(Engine engine, String... emails) {
        try (Session session = Session.open(engine)) {
            User jack = new User("jack", "Jack Bean");
            for (String email : emails) {
                jack.addresses.add(new Address(email));
            }
            session.add(jack);
            session.commit();
            return (Integer) Orm.inspect(jack).identity();
        }
    }
}
