package io.retort.impl.orm.querying;

import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;

/** SQLAlchemy's {@code QueryTest} data (test/orm/_fixtures.py), cut to users and addresses, with managers. */
final class QueryFixtures {
    private QueryFixtures() {
    }

    static Registry registry() {
        return Registry.of(User.class, Address.class);
    }

    /**
     * jack (1, 30) with jack@bean.com; ed (2, 40, managed by jack) with three addresses; fred (3, 50, managed by
     * jack) with one; chuck (4, no age) with none. Keys are assigned in this order.
     */
    static void load(Engine engine) {
        try (Session session = Session.open(engine)) {
            User jack = new User("jack", 30);
            jack.addresses.add(new Address("jack@bean.com"));
            session.add(jack);
            session.flush();
            User ed = new User("ed", 40);
            ed.managerId = jack.id;
            ed.addresses.add(new Address("ed@wood.com"));
            ed.addresses.add(new Address("ed@bettyboop.com"));
            ed.addresses.add(new Address("ed@lala.com"));
            session.add(ed);
            session.flush();
            User fred = new User("fred", 50);
            fred.managerId = jack.id;
            fred.addresses.add(new Address("fred@fred.com"));
            session.add(fred);
            session.flush();
            session.add(new User("chuck", null));
            session.commit();
        }
    }
}
