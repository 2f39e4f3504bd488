package io.retort.docs.orm;

import io.retort.docs.Printed;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.engine.TypedResult;
import io.retort.orm.EntityAlias;
import io.retort.orm.EntitySelect;
import io.retort.orm.Load;
import io.retort.orm.Orm;
import io.retort.orm.QueryOption;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.Synchronize;
import io.retort.orm.Tuple2;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import org.junit.jupiter.api.extension.ExtendWith;

/** README.md's ORM querying: multi-entity rows, an alias self-join, an UPDATE with synchronisation, yieldPer. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class QueryingIT {

    @DatabaseTest
    void querying(TestEngines engines, Printed printed) {
        try (Engine engine = Engine.create(engines.url())) {
            Registry registry = Registry.of(User.class, Address.class, Club.class);
            registry.createAll(engine);
            try (Session session = Session.open(engine)) {
                User spongebob = new User("spongebob", "Spongebob Squarepants");
                spongebob.addresses.add(new Address("spongebob@sqlalchemy.org"));
                spongebob.addresses.add(new Address("spongebob@aol.com"));
                User sandy = new User("sandy", "Sandy Cheeks");
                sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
                session.addAll(java.util.List.of(spongebob, sandy));
                session.commit();
            }
            printed.clear();
            // tag::querying[]
            try (Session session = Session.open(engine)) {
                // Rows of two entities: identity-mapped objects, typed
                for (Tuple2<User, Address> row : session.execute(Orm.select(User.class, Address.class)
                        .join(User_.addresses).orderBy(Address_.id)).tuples(User.class, Address.class)) {
                    System.out.println(row.first().name + " " + row.second().emailAddress);
                }
                // An alias self-join: two addresses of the same user
                EntityAlias<Address> other = Orm.aliased(Address.class, "other");
                for (Row row : session.execute(Orm.select(Address_.emailAddress, other.get(Address_.emailAddress))
                        .join(other, Address_.userId.eq(other.get(Address_.userId)))
                        .where(Address_.id.lt(other.get(Address_.id))))) {
                    System.out.println(row.get(0) + " & " + row.get(1));
                }
                // An UPDATE that brings the objects the Session holds in line, without reloading them
                User sandy = session.scalars(Orm.select(User.class).where(User_.name.eq("sandy"))).one();
                long updated = session.execute(Orm.update(User.class).set(User_.fullname, "Sandy C.")
                        .where(User_.name.eq("sandy")).synchronize(Synchronize.EVALUATE)).rowCount();
                System.out.println(updated + " " + sandy.fullname);
                // yieldPer: read and load 1,000 rows at a time; the result need not fit in memory
                try (TypedResult<User> users = session.scalars(Orm.select(User.class).orderBy(User_.id)
                        .options(QueryOption.yieldPer(1000)))) {
                    for (User user : users) {
                        System.out.println(user.name);
                    }
                }
                session.commit();
            }
            // loadOnly (and defer): the SELECT leaves the other columns out; a deferred field loads on first read
            try (Session session = Session.open(engine)) {
                EntitySelect<User> query = Orm.select(User.class).where(User_.name.eq("sandy"))
                        .options(Load.loadOnly(User_.name));
                System.out.println(query);
                User sandy = session.scalars(query).one();
                System.out.println(sandy.name + ", " + sandy.fullname); // SELECT user_account.fullname ... WHERE id = ?
            }
            // end::querying[]
            printed.assertShown("orm/QueryingIT.java#querying");
            registry.dropAll(engine);
        }
    }
}
