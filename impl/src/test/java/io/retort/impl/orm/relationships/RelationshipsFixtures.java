package io.retort.impl.orm.relationships;

import io.retort.engine.Engine;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.TestEngines;

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

    /** A test's body on jack's rows: the engine, the recorder of its statements, and jack's key. */
    interface JackTest {
        void run(Engine engine, StatementRecorder recorder, int id);
    }

    /**
     * Creates this package's tables on a new engine of the database under test whose statements are recorded,
     * commits jack with an address of each email, runs {@code body}, and drops the tables.
     */
    static void withJack(TestEngines engines, JackTest body, String... emails) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = createTables(engine);
        try {
            body.run(engine, recorder, commitJack(engine, emails));
        } finally {
            registry.dropAll(engine);
        }
    }
}
