package io.retort.impl.orm.inheritance;

import static io.retort.orm.QueryOption.selectinPolymorphic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityListener;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code QueryOption.selectinPolymorphic()} on the four databases: a query of a JOINED hierarchy's class reads its own
 * tables, then one SELECT ... IN per subclass found. Ported from SQLAlchemy's test/orm/inheritance/test_poly_loading.py.
 */
class SelectinPolymorphicIT {

    private static Company company() {
        Company c = new Company("company1");
        c.employees.add(new Manager("pointy haired boss", "AAB", "manager1"));
        c.employees.add(new Engineer("dilbert", "BBA", "engineer1", "java"));
        c.employees.add(new Person("joesmith"));
        c.employees.add(new Engineer("wally", "CGG", "engineer2", "c++"));
        c.employees.add(new Boss("jsmith", "ABA", "manager2", "fore"));
        return c;
    }

    // SQLAlchemy: test_poly_loading.py::FixtureLoadTest::test_person_selectin_subclasses, with a third level (Boss, a
    // Manager) as ::TestGeometries::test_threelevel_all_selectin_l1_load_l3: the base query reads people only; each
    // subclass's SELECT joins its tables from the base table down and reads its own columns by key.
    @DatabaseTest
    void theBaseQueryReadsItsTableThenOneSelectInPerSubclass(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        List<String> loads = new ArrayList<>();
        SessionFactory sessions = SessionFactory.builder(engine).listener(Person.class, new EntityListener<Person>() {
            @Override
            public void afterLoad(Session session, Person person) {
                // after_load runs once the subclass columns are in
                loads.add(person + (person instanceof Engineer e ? " " + e.primaryLanguage : ""));
            }
        }).build();
        try {
            try (Session session = sessions.open()) {
                session.add(company());
                session.commit();
            }
            try (Session session = sessions.open()) {
                recorder.clear();
                List<Person> people = session.scalars(Orm.select(Person.class).orderBy(Person_.personId)
                        .options(selectinPolymorphic())).all();
                assertThat(recorder.sql()).containsExactly(
                        "SELECT people.person_id, people.company_id, people.name, people.type FROM people ORDER BY"
                                + " people.person_id",
                        "SELECT people.person_id, managers.status, managers.manager_name FROM people JOIN managers"
                                + " ON managers.person_id = people.person_id WHERE people.person_id IN (?) ORDER BY"
                                + " people.person_id",
                        "SELECT people.person_id, engineers.status, engineers.engineer_name,"
                                + " engineers.primary_language FROM people JOIN engineers ON engineers.person_id ="
                                + " people.person_id WHERE people.person_id IN (?, ?) ORDER BY people.person_id",
                        "SELECT people.person_id, managers.status, managers.manager_name, boss.golf_swing FROM"
                                + " people JOIN managers ON managers.person_id = people.person_id JOIN boss ON"
                                + " boss.person_id = people.person_id WHERE people.person_id IN (?) ORDER BY"
                                + " people.person_id");
                assertThat(people).extracting(Object::toString).containsExactly("Manager(pointy haired boss)",
                        "Engineer(dilbert)", "Person(joesmith)", "Engineer(wally)", "Boss(jsmith)");
                Engineer wally = (Engineer) people.get(3);
                assertThat(List.of(wally.status, wally.engineerName, wally.primaryLanguage))
                        .containsExactly("CGG", "engineer2", "c++");
                Boss boss = (Boss) people.get(4);
                assertThat(List.of(boss.status, boss.managerName, boss.golfSwing))
                        .containsExactly("ABA", "manager2", "fore");
                assertThat(loads).containsExactly("Manager(pointy haired boss)", "Engineer(dilbert) java",
                        "Person(joesmith)", "Engineer(wally) c++", "Boss(jsmith)");
                // what was loaded is the committed state: nothing to flush
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).isEmpty();
                boss.golfSwing = "slice";
                session.flush();
                assertThat(recorder.dml()).containsExactly("UPDATE boss SET golf_swing=? WHERE boss.person_id = ?");
                // a subclass query reads its tables down to itself and its subclasses by SELECT ... IN
                session.expireAll();
                recorder.clear();
                assertThat(session.scalars(Orm.select(Manager.class).orderBy(Manager_.personId)
                        .options(selectinPolymorphic())).all()).containsExactly((Manager) people.get(0), boss);
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(0)).isEqualTo("SELECT people.person_id, people.company_id,"
                        + " people.name, people.type, managers.status, managers.manager_name FROM people JOIN"
                        + " managers ON managers.person_id = people.person_id ORDER BY people.person_id");
                assertThat(boss.golfSwing).isEqualTo("slice");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test_poly_loading.py::ChunkingTest::test_chunking: 1,254 subclass objects, keys 500 at a time.
    @DatabaseTest
    void keysAreSentFiveHundredAtATime(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                for (int i = 1; i <= 1254; i++) {
                    session.add(new Engineer("e" + i, "s", "engineer" + i, "java"));
                }
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<Person> people = session.scalars(Orm.select(Person.class).orderBy(Person_.personId)
                        .options(selectinPolymorphic())).all();
                assertThat(people).hasSize(1254).allSatisfy(p -> assertThat(((Engineer) p).engineerName)
                        .isEqualTo("engineer" + p.personId));
                assertThat(recorder.events()).hasSize(4); // at most 1 + the 3 subclass tables
                assertThat(recorder.sql().subList(1, 4)).extracting(sql -> sql.chars().filter(c -> c == '?').count())
                        .containsExactly(500L, 500L, 254L);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /** What the option cannot do is refused before any statement, naming the fix. */
    @DatabaseTest
    void criteriaOnASubclassTableAndOtherShapesAreRefused(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            session.connection();
            recorder.clear();
            assertThatThrownBy(() -> session.scalars(Orm.select(Person.class)
                    .where(Engineer_.primaryLanguage.eq("java")).options(selectinPolymorphic())).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This query of Person with selectinPolymorphic() has criteria on table engineers, a"
                            + " subclass table that the option leaves out of the query (it would be read as a cross"
                            + " join, returning wrong rows); leave the option out, or query the subclass itself");
            assertThatThrownBy(() -> session.scalars(Orm.select(Company.class).options(selectinPolymorphic())).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("selectinPolymorphic() loads the subclass tables of a JOINED hierarchy, but Company is"
                            + " in none; leave the option out");
            assertThatThrownBy(() -> session.execute(Orm.select(Company.class, Person.class)
                    .options(selectinPolymorphic())).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("selectinPolymorphic() applies to a query of one class,"
                            + " session.scalars(Orm.select(Person.class).options(selectinPolymorphic())); in a select"
                            + " of several elements a hierarchy class outer-joins its subclass tables: leave the"
                            + " option out");
            assertThat(recorder.sql()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }
}
