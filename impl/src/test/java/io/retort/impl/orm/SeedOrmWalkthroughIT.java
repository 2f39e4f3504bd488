package io.retort.impl.orm;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.orm.InstanceInfo;
import io.retort.orm.ObjectState;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import java.util.List;
import java.util.Map;

/** The seed's ORM chapters, step by step, asserting the object's state at each step on every database. */
class SeedOrmWalkthroughIT {

    @DatabaseTest
    void objectStatesThroughTheWalkthrough(Engine engine) {
        Registry registry = Registry.of(User.class, Address.class);
        registry.createAll(engine);
        try {
            // 1. Transient: a new object, not in a session; no id yet.
            User squidward = new User("squidward", "Squidward Tentacles");
            assertThat(squidward.id).isNull();
            assertThat(inspect(squidward).state()).isEqualTo(ObjectState.TRANSIENT);

            Session session = Session.open(engine);
            // 2. Pending: added, not yet in the database.
            session.add(squidward);
            InstanceInfo pending = inspect(squidward);
            assertThat(pending.state()).isEqualTo(ObjectState.PENDING);
            assertThat(pending.identity()).isNull();
            assertThat(pending.session()).isSameAs(session);
            assertThat(session.newObjects()).containsExactly(squidward);
            assertThat(squidward.id).isNull();

            // 3. Persistent: committed, with the generated primary key.
            session.commit();
            assertThat(squidward.id).isEqualTo(1);
            InstanceInfo persistent = inspect(squidward);
            assertThat(persistent.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(persistent.identity()).isEqualTo(1);
            assertThat(session.contains(squidward)).isTrue();

            // 4. Detached: the session is closed.
            session.close();
            InstanceInfo detached = inspect(squidward);
            assertThat(detached.state()).isEqualTo(ObjectState.DETACHED);
            assertThat(detached.identity()).isEqualTo(1);
            assertThat(detached.session()).isNull();
            assertThat(squidward.id).isEqualTo(1);

            // "with Session(engine) as session: session.add(user); session.commit()"
            try (Session s = Session.open(engine)) {
                User spongebob = new User("spongebob", "Spongebob Squarepants");
                s.add(spongebob);
                s.commit();
                assertThat(spongebob.id).isEqualTo(2);
                s.add(new Address("spongebob@sqlalchemy.org", spongebob.id));
                s.add(new Address("spongebob@aol.com", spongebob.id));
                s.commit();
            }

            try (Session s = Session.open(engine)) {
                User spongebob = s.scalars(select(User.class).where(User_.name.eq("spongebob"))).one();
                assertThat(spongebob.fullname).isEqualTo("Spongebob Squarepants");
                assertThat(inspect(spongebob).state()).isEqualTo(ObjectState.PERSISTENT);
                assertThat(s.get(User.class, 2)).isSameAs(spongebob);
                List<String> emails = s.scalars(select(Address.class).where(Address_.userId.eq(spongebob.id))
                        .orderBy(Address_.id)).map(a -> a.emailAddress).all();
                assertThat(emails).containsExactly("spongebob@sqlalchemy.org", "spongebob@aol.com");
                List<User> joined = s.scalars(select(User.class).join(Address.class)
                        .where(Address_.emailAddress.like("%@aol.com"))).all();
                assertThat(joined).containsExactly(spongebob);

                // text() through the session, as the seed's transaction chapter does.
                s.execute(text("CREATE TABLE some_table (x int, y int)"));
                s.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                        List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10)));
                s.commit();
                List<Integer> xs = s.execute(text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y"),
                        Map.of("y", 6)).map(row -> row.get("x", Integer.class)).all();
                assertThat(xs).containsExactly(6, 9);
                s.execute(text("DROP TABLE some_table"));
                s.commit();
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
