package io.retort.impl.orm.inheritance;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Capability;
import io.retort.engine.Engine;
import io.retort.engine.StatementEvent;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joined-table inheritance on the four databases: the statements a flush emits, polymorphic queries and a
 * relationship to the base class. Ported from SQLAlchemy's test/orm/inheritance/test_poly_persistence.py, whose
 * fixture (people, engineers, managers, boss) the entities of this package follow.
 */
class JoinedInheritanceIT {

    private static Registry registry() {
        return Registry.of(Company.class, Person.class);
    }

    private static Company company() {
        Company c = new Company("company1");
        c.employees.add(new Manager("pointy haired boss", "AAB", "manager1"));
        c.employees.add(new Engineer("dilbert", "BBA", "engineer1", "java"));
        c.employees.add(new Person("joesmith"));
        c.employees.add(new Engineer("wally", "CGG", "engineer2", "python"));
        c.employees.add(new Manager("jsmith", "ABA", "manager2"));
        return c;
    }

    /** The table each INSERT writes, in order, once per statement. */
    private static List<String> insertedTables(StatementRecorder recorder) {
        List<String> tables = new ArrayList<>();
        for (String sql : recorder.dml()) {
            tables.add(sql.substring("INSERT INTO ".length(), sql.indexOf(' ', "INSERT INTO ".length())));
        }
        return tables;
    }

    // SQLAlchemy: test/orm/inheritance/test_poly_persistence.py::PolymorphTest::define_tables, the DDL as each database
    // runs it (InheritanceMappingTest has the full text for PostgreSQL): a table per class, each subclass table keyed
    // by a foreign key to its superclass's table, created parents first.
    @DatabaseTest
    void eachSubclassTableIsKeyedByAForeignKeyToItsSuperclassTable(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            List<String> creates = recorder.sql().stream().filter(sql -> sql.startsWith("CREATE TABLE")).toList();
            assertThat(creates).extracting(sql -> sql.substring("CREATE TABLE ".length(), sql.indexOf(' ', 13)))
                    .containsExactly("companies", "people", "engineers", "managers", "boss");
            assertThat(creates.get(2)).contains("person_id INTEGER NOT NULL", "PRIMARY KEY (person_id)",
                    "FOREIGN KEY(person_id) REFERENCES people (person_id)");
            assertThat(creates.get(3)).contains("FOREIGN KEY(person_id) REFERENCES people (person_id)");
            assertThat(creates.get(4)).contains("golf_swing VARCHAR(30)", "PRIMARY KEY (person_id)",
                    "FOREIGN KEY(person_id) REFERENCES managers (person_id)");
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_poly_persistence.py::InsertOrderTest::test_insert_order
    @DatabaseTest
    void rowsOfAllClassesGoToEachTableInOneBatchInTheOrderTheyWereAdded(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Company c = company();
            session.add(c);
            session.connection();
            recorder.clear();
            session.flush();
            assertThat(insertedTables(recorder)).containsExactly("companies", "people", "engineers", "managers");
            assertThat(recorder.dml().get(1)).startsWith("INSERT INTO people (company_id, name, type)");
            assertThat(recorder.dml().get(2)).startsWith("INSERT INTO engineers (person_id, status, engineer_name,"
                    + " primary_language) VALUES (?, ?, ?, ?)");
            assertThat(recorder.events().get(2).parameterSets()).hasSize(2);
            assertThat(recorder.events().get(3).parameterSets()).hasSize(2);
            // Keys in the order the objects were added, across classes.
            assertThat(c.employees).extracting(p -> p.personId).containsExactly(1, 2, 3, 4, 5);
            assertThat(c.employees).extracting(p -> p.type)
                    .containsExactly("manager", "engineer", "person", "engineer", "manager");
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            recorder.clear();
            Company loaded = session.get(Company.class, 1);
            assertThat(loaded.employees).extracting(Object::toString).containsExactly("Manager(pointy haired boss)",
                    "Engineer(dilbert)", "Person(joesmith)", "Engineer(wally)", "Manager(jsmith)");
            Engineer wally = (Engineer) loaded.employees.get(3);
            assertThat(List.of(wally.status, wally.engineerName, wally.primaryLanguage))
                    .containsExactly("CGG", "engineer2", "python");
            // The company, then its employees with every subclass's columns: SQLAlchemy's count with
            // with_polymorphic and a lazy relationship (test_poly_persistence.py::RoundTripTest::test_lazy_load).
            assertThat(recorder.sql()).hasSize(2);
            assertThat(recorder.sql().get(1)).contains("FROM people LEFT OUTER JOIN engineers ON engineers.person_id"
                    + " = people.person_id LEFT OUTER JOIN managers ON managers.person_id = people.person_id LEFT"
                    + " OUTER JOIN boss ON boss.person_id = people.person_id");
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_poly_persistence.py::RoundTripTest::test_baseclass_lookup,
    // ::test_subclass_lookup and ::test_lazy_load (get() of the base class returns the subclass's instance)
    @DatabaseTest
    void baseAndSubclassQueriesReturnTheRowsOfTheRightClasses(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.add(company());
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<Person> people = session.scalars(select(Person.class).orderBy(Person_.personId)).all();
                assertThat(recorder.sql()).hasSize(1);
                assertThat(people).extracting(p -> p.getClass().getSimpleName())
                        .containsExactly("Manager", "Engineer", "Person", "Engineer", "Manager");
                Engineer dilbert = session.scalars(select(Engineer.class)
                        .where(Engineer_.name.eq("dilbert"))).one();
                assertThat(dilbert).isSameAs(people.get(1));
                assertThat(session.scalars(select(Person.class).where(Person_.name.eq("dilbert"))).one())
                        .isSameAs(dilbert);
                assertThat(session.get(Person.class, dilbert.personId)).isSameAs(dilbert);
                assertThat(session.get(Manager.class, dilbert.personId)).isNull();
                assertThat(session.scalars(select(Manager.class).orderBy(Manager_.personId)).all())
                        .extracting(m -> m.managerName).containsExactly("manager1", "manager2");
                assertThat(session.scalars(select(Engineer.class).where(Engineer_.primaryLanguage.eq("python")))
                        .all()).extracting(Person::name).containsExactly("wally");
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                Person joe = session.get(Person.class, 3);
                assertThat(joe.getClass()).isEqualTo(Person.class);
                Person dilbert = session.get(Person.class, 2);
                assertThat(((Engineer) dilbert).engineerName).isEqualTo("engineer1");
                assertThat(recorder.sql()).hasSize(2);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_basic.py::OptimizedLoadTest and test_unitofworkv2.py's assertions of the
    // statements of an UPDATE and a DELETE: each table gets the columns that changed in it; rows are deleted from
    // the subclass tables before the base table. (A hierarchy class in a select of several elements: see
    // PolymorphicElementsIT.)
    @DatabaseTest
    void updatesWriteTheTablesWhoseColumnsChangedAndDeletesGoSubclassFirst(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Boss boss = new Boss("dogbert", "X", "boss1", "fore");
            session.add(boss);
            session.commit();
            recorder.clear();
            boss.golfSwing = "slice";
            session.flush();
            assertThat(recorder.dml()).containsExactly("UPDATE boss SET golf_swing=? WHERE boss.person_id = ?");
            recorder.clear();
            boss.name = "Dogbert";
            boss.managerName = "the boss";
            session.flush();
            assertThat(recorder.dml()).containsExactly(
                    "UPDATE people SET name=? WHERE people.person_id = ?",
                    "UPDATE managers SET manager_name=? WHERE managers.person_id = ?");
            recorder.clear();
            session.delete(boss);
            session.commit();
            assertThat(recorder.dml()).containsExactly(
                    "DELETE FROM boss WHERE boss.person_id = ?",
                    "DELETE FROM managers WHERE managers.person_id = ?",
                    "DELETE FROM people WHERE people.person_id = ?");
            assertThat(session.scalars(select(Person.class)).all()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * The measure: 10,000 objects of a three-level hierarchy (Person, Engineer, Manager and Boss, a Manager)
     * flush in one batch per table, and load back by the base class in one statement (at most 1 + the 3 subclass
     * tables allowed).
     */
    @DatabaseTest
    void tenThousandMixedObjectsFlushInOneBatchPerTableAndLoadInOneStatement(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            Map<String, Integer> expected = new LinkedHashMap<>();
            try (Session session = Session.open(engine)) {
                List<Person> people = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    Person person = switch (i % 4) {
                        case 0 -> new Person("person" + i);
                        case 1 -> new Engineer("engineer" + i, "S" + i, "e" + i, "java");
                        case 2 -> new Manager("manager" + i, "S" + i, "m" + i);
                        default -> new Boss("boss" + i, "S" + i, "b" + i, "swing" + i);
                    };
                    people.add(person);
                }
                session.addAll(people);
                session.connection();
                recorder.clear();
                session.commit();
                List<StatementEvent> events = recorder.eventsWithoutProbe();
                List<String> tables = insertedTables(recorder);
                int peopleStatements = engine.supports(Capability.INSERT_RETURNING) ? 10 : 1;
                // people: one batch (a JDBC batch, or multi-row INSERT ... RETURNING of 1,000 rows each); the
                // subclass tables, in the order of their foreign keys: one JDBC batch each, or where the database
                // takes multi-row pages without RETURNING, one batch of 1,000-row pages and one of the rows after
                // them (engineers and boss: 2 pages and 500 rows; managers: 5 pages).
                assertThat(recorder.insertedRowsByTable()).containsExactly(Map.entry("people", 10_000),
                        Map.entry("engineers", 2_500), Map.entry("managers", 5_000), Map.entry("boss", 2_500));
                assertThat(tables.subList(0, peopleStatements)).containsOnly("people");
                List<String> subclassTables = tables.subList(peopleStatements, tables.size());
                if (subclassTables.size() == 3) {
                    assertThat(subclassTables).containsExactly("engineers", "managers", "boss");
                    assertThat(events.get(peopleStatements).parameterSets()).hasSize(2_500);
                } else {
                    assertThat(subclassTables).containsExactly("engineers", "engineers", "managers", "boss", "boss");
                    assertThat(StatementRecorder.valuesRows(events.get(peopleStatements).sql())).isEqualTo(1_000);
                }
                for (int i = 0; i < people.size(); i++) {
                    assertThat(people.get(i).personId).isEqualTo(i + 1);
                }
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<Person> loaded = session.scalars(select(Person.class).orderBy(Person_.personId)).all();
                assertThat(recorder.sql()).hasSize(1); // at most 1 + 3 subclass tables
                for (Person person : loaded) {
                    expected.merge(person.getClass().getSimpleName(), 1, Integer::sum);
                }
                assertThat(expected).containsExactly(Map.entry("Person", 2_500), Map.entry("Engineer", 2_500),
                        Map.entry("Manager", 2_500), Map.entry("Boss", 2_500));
                Boss last = (Boss) loaded.get(9_999);
                assertThat(List.of(last.name, last.status, last.managerName, last.golfSwing))
                        .containsExactly("boss9999", "S9999", "b9999", "swing9999");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
