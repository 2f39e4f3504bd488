package io.retort.docs.orm;

import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.raise;
import static io.retort.orm.Load.selectIn;
import static io.retort.orm.Orm.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.docs.Printed;
import io.retort.engine.Engine;
import io.retort.engine.NestedTransaction;
import io.retort.engine.EngineOptions;
import io.retort.engine.ExecutionListener;
import io.retort.engine.StatementEvent;
import io.retort.exception.DetachedInstanceException;
import io.retort.exception.IntegrityException;
import io.retort.exception.InvalidRequestException;
import io.retort.exception.PendingRollbackException;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import io.retort.testing.TestEngines;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/orm-tutorial.md: mapping, Session, states, relationships, loading, querying. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class OrmTutorialIT {

    private static Engine engine(TestEngines engines) {
        String url = engines.url();
        // tag::print-sql[]
        ExecutionListener printSql = new ExecutionListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                System.out.println("SQL: " + event.sql());
            }
        };
        Engine engine = Engine.create(url, EngineOptions.builder().addListener(printSql).build());
        // end::print-sql[]
        // tag::registry[]
        Registry registry = Registry.of(User.class, Address.class, Club.class);   // validates the mappings
        registry.createAll(engine);                                              // as Base.metadata.create_all(engine)
        // end::registry[]
        return engine;
    }

    @DatabaseTest
    void states(TestEngines engines, Printed printed) {
        try (Engine engine = engine(engines)) {
            printed.clear();
            // tag::states[]
            User squidward = new User("squidward", "Squidward Tentacles");
            System.out.println(squidward.id + " " + Orm.inspect(squidward).state());
            try (Session session = Session.open(engine)) {
                session.add(squidward);
                System.out.println(Orm.inspect(squidward).state());
                session.commit();                                      // INSERT ...; the id comes back
                System.out.println(squidward.id + " " + Orm.inspect(squidward).state());
            }
            System.out.println(Orm.inspect(squidward).state());      // the session closed
            // end::states[]
            printed.assertShown("orm/OrmTutorialIT.java#states");
            // tag::update[]
            try (Session session = Session.open(engine)) {
                User same = session.get(User.class, squidward.id);
                User again = session.get(User.class, squidward.id);   // the identity map: no SQL
                System.out.println(same == again);
                same.fullname = "Squidward T.";
                session.commit();                                      // only the changed column
            }
            // end::update[]
            printed.assertShown("orm/OrmTutorialIT.java#update");
            // tag::session-factory[]
            SessionFactory sessions = SessionFactory.builder(engine).autoflush(true).build();   // as sessionmaker
            sessions.begin(session -> session.add(new User("sandy", "Sandy Cheeks")));         // commits, or rolls back
            String name = sessions.inTransaction(session -> session.get(User.class, 2).name);
            System.out.println(name);
            // end::session-factory[]
            printed.assertShown("orm/OrmTutorialIT.java#session-factory");
        }
    }

    @DatabaseTest
    void querying(TestEngines engines, Printed printed) {
        try (Engine engine = engine(engines)) {
            SessionFactory.of(engine).begin(session -> {
                User spongebob = new User("spongebob", "Spongebob Squarepants");
                spongebob.addresses.add(new Address("spongebob@sqlalchemy.org"));
                User sandy = new User("sandy", "Sandy Cheeks");
                sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
                sandy.addresses.add(new Address("squirrel@squirrelpower.org"));
                session.addAll(List.of(spongebob, sandy, new User("patrick", null)));
            });
            printed.clear();
            try (Session session = Session.open(engine)) {
                // tag::query[]
                List<User> found = session.scalars(select(User.class)
                        .where(User_.name.startsWith("s"))                   // User_ is generated by retort-processor
                        .orderBy(User_.id.desc()).limit(10)).all();
                System.out.println(found);
                // end::query[]
                printed.assertShown("orm/OrmTutorialIT.java#query");
                // tag::query-join[]
                List<User> squirrels = session.scalars(select(User.class).join(User_.addresses)
                        .where(Address_.emailAddress.like("%@squirrelpower.org"))).all();
                System.out.println(squirrels);
                // end::query-join[]
                printed.assertShown("orm/OrmTutorialIT.java#query-join");
                // tag::query-text[]
                Long addresses = session.execute(text("SELECT count(*) FROM address")).scalar(Long.class);
                System.out.println(addresses);                            // Core in the session's transaction
                // end::query-text[]
                printed.assertShown("orm/OrmTutorialIT.java#query-text");
            }
            try (Session session = Session.open(engine)) {
                // tag::lazy[]
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
                for (User user : users) {                        // one IN query loads every user's addresses
                    System.out.println(user.name + " " + user.addresses);
                }
                // end::lazy[]
                printed.assertShown("orm/OrmTutorialIT.java#lazy");
            }
            try (Session session = Session.open(engine)) {
                // tag::selectin[]
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)
                        .options(selectIn(User_.addresses))).all();
                System.out.println(users.get(1).addresses);
                // end::selectin[]
                printed.assertShown("orm/OrmTutorialIT.java#selectin");
            }
            try (Session session = Session.open(engine)) {
                // tag::joined[]
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)
                        .options(joined(User_.addresses)).limit(2)).all();           // LIMIT applies to users
                System.out.println(users + " " + users.get(1).addresses.size());
                // end::joined[]
                printed.assertShown("orm/OrmTutorialIT.java#joined");
            }
            // tag::raise[]
            try (Session session = Session.open(engine)) {
                User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))
                        .options(raise(User_.addresses))).one();
                sandy.addresses.size();
            } catch (InvalidRequestException e) {
                System.out.println(e.getMessage());
            }
            // end::raise[]
            printed.assertShown("orm/OrmTutorialIT.java#raise");
            // tag::detached[]
            User detached;
            try (Session session = Session.open(engine)) {
                detached = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            }
            try {
                detached.addresses.size();
            } catch (DetachedInstanceException e) {
                System.out.println(e.getMessage());
            }
            // end::detached[]
            printed.assertShown("orm/OrmTutorialIT.java#detached");
        }
    }

    @DatabaseTest
    void relationships(TestEngines engines, Printed printed) {
        try (Engine engine = engine(engines)) {
            printed.clear();
            try (Session session = Session.open(engine)) {
                // tag::cascade[]
                User sandy = new User("sandy", "Sandy Cheeks");
                sandy.addresses.add(new Address("sandy@bikini.sea"));
                sandy.addresses.add(new Address("sandy@squirrelpower.org"));
                session.add(sandy);                                  // save-update cascade: addresses pending too
                session.commit();                                    // INSERT user_account, then address (user_id set)
                System.out.println(sandy.addresses.get(0).userId + " " + sandy.addresses.get(0).user);
                // end::cascade[]
                printed.assertShown("orm/OrmTutorialIT.java#cascade");
                // tag::back-populates[]
                Address extra = new Address("sandy@treedome.sea");
                sandy.addresses.add(extra);                          // sets extra.user at once: sandy is in a session
                System.out.println(extra.user + " " + Orm.inspect(extra).state());
                session.commit();
                // end::back-populates[]
                printed.assertShown("orm/OrmTutorialIT.java#back-populates");
                // tag::delete-orphan[]
                sandy.addresses.remove(extra);                       // DELETE_ORPHAN: the row goes at flush
                session.commit();
                System.out.println(session.execute(text("SELECT count(*) FROM address")).scalar(Long.class));
                // end::delete-orphan[]
                printed.assertShown("orm/OrmTutorialIT.java#delete-orphan");
                // tag::delete-cascade[]
                session.delete(sandy);                               // DELETE cascade: the addresses go first
                session.commit();
                System.out.println(Orm.inspect(sandy).state() + " "
                        + session.execute(text("SELECT count(*) FROM address")).scalar(Long.class));
                // end::delete-cascade[]
                printed.assertShown("orm/OrmTutorialIT.java#delete-cascade");
                // tag::many-to-many[]
                User patrick = new User("patrick", "Patrick Star");
                Club karate = new Club("karate");
                patrick.clubs.add(karate);                           // karate.members holds patrick at once
                session.add(patrick);                                // the club cascades; membership row at flush
                session.commit();
                System.out.println(karate.members);
                // end::many-to-many[]
                printed.assertShown("orm/OrmTutorialIT.java#many-to-many");
            }
        }
    }

    @DatabaseTest
    void failedFlush(TestEngines engines, Printed printed) {
        try (Engine engine = engine(engines)) {
            SessionFactory.of(engine).begin(session -> session.add(new User("patrick", null)));
            engine.begin(conn -> conn.execute(text("CREATE UNIQUE INDEX ux_name ON user_account (name)")));
            printed.clear();
            // tag::failed-flush[]
            try (Session session = Session.open(engine)) {
                User second = new User("patrick", "Patrick Star");
                session.add(second);
                try {
                    session.commit();                               // the unique index refuses the row
                } catch (IntegrityException e) {
                    System.out.println("flush failed");
                }
                try {
                    session.scalars(select(User.class)).all();
                } catch (PendingRollbackException e) {
                    System.out.println("call rollback() first");
                }
                session.rollback();
                System.out.println(Orm.inspect(second).state() + " " + second.id);   // transient again
            }
            // end::failed-flush[]
            printed.assertShown("orm/OrmTutorialIT.java#failed-flush");
            // tag::savepoint[]
            try (Session session = Session.open(engine)) {
                session.add(new User("sandy", "Sandy Cheeks"));
                User patrick = new User("patrick", "Patrick Star");   // the unique index holds a patrick already
                try (NestedTransaction savepoint = session.beginNested()) {  // flushes sandy, then SAVEPOINT
                    session.add(patrick);
                    savepoint.commit();                              // the INSERT fails: ROLLBACK TO SAVEPOINT
                } catch (IntegrityException e) {
                    System.out.println("patrick exists: " + Orm.inspect(patrick).state());
                }
                session.commit();                                    // sandy's row is committed
            }
            // end::savepoint[]
            printed.assertShown("orm/OrmTutorialIT.java#savepoint");
        }
        assertThat(printed.text()).isEmpty();
    }
}
