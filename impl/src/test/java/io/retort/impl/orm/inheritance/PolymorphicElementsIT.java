package io.retort.impl.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;
import java.util.function.Consumer;

/**
 * A class of a JOINED hierarchy as one element of a select of several elements, on the four databases: it loads as
 * SQLAlchemy's with_polymorphic entity does, its base table outer-joined to every subclass table in the place the
 * statement has it, and returns instances of the right subclasses with their subclass columns. Ported from SQLAlchemy's
 * test/orm/inheritance/test_polymorphic_rel.py.
 */
class PolymorphicElementsIT {

    private static Company company() {
        Company c = new Company("company1");
        c.employees.add(new Manager("pointy haired boss", "AAB", "manager1"));
        c.employees.add(new Engineer("dilbert", "BBA", "engineer1", "java"));
        c.employees.add(new Person("joesmith"));
        c.employees.add(new Engineer("wally", "CGG", "engineer2", "c++"));
        c.employees.add(new Boss("jsmith", "ABA", "manager2", "fore"));
        return c;
    }

    private static void withData(TestEngines engines, Consumer<StatementRecorder> test) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.add(company());
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                SESSION.set(session);
                recorder.clear();
                test.accept(recorder);
            } finally {
                SESSION.remove();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();

    // SQLAlchemy: test_polymorphic_rel.py::_PolymorphicTestBase::test_mixed_entities_one (Company and Person in one
    // select, joined along Company.employees): each Person is loaded as its subclass, with its subclass's columns.
    @DatabaseTest
    void theBaseClassNextToAnotherEntityLoadsItsSubclassesFromOneStatement(TestEngines engines) {
        withData(engines, recorder -> {
            Session session = SESSION.get();
            List<Row> rows = session.execute(Orm.select(Company.class, Person.class).join(Company_.employees)
                    .orderBy(Person_.personId)).all();
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains(" FROM companies JOIN (people LEFT OUTER JOIN engineers ON"
                    + " engineers.person_id = people.person_id LEFT OUTER JOIN managers ON managers.person_id ="
                    + " people.person_id LEFT OUTER JOIN boss ON boss.person_id = people.person_id) ON");
            List<Person> people = rows.stream().map(r -> (Person) r.get(1)).toList();
            assertThat(people).extracting(Object::toString).containsExactly("Manager(pointy haired boss)",
                    "Engineer(dilbert)", "Person(joesmith)", "Engineer(wally)", "Boss(jsmith)");
            Engineer wally = (Engineer) people.get(3);
            assertThat(List.of(wally.status, wally.engineerName, wally.primaryLanguage))
                    .containsExactly("CGG", "engineer2", "c++");
            Boss boss = (Boss) people.get(4);
            assertThat(List.of(boss.managerName, boss.golfSwing)).containsExactly("manager2", "fore");
            Company company = (Company) rows.get(0).get(0);
            assertThat(rows).allSatisfy(r -> assertThat(r.get(0)).isSameAs(company));
            // the same objects as a query of the class alone: one identity map
            assertThat(session.scalars(Orm.select(Person.class).orderBy(Person_.personId)).all())
                    .containsExactlyElementsOf(people);
            assertThat(recorder.sql()).hasSize(2);
        });
    }

    // SQLAlchemy: test_polymorphic_rel.py::_PolymorphicTestBase::test_multi_join_future (an entity and an alias of
    // the base class, filtered against each other). SQLAlchemy's query also selects Company and an alias of it,
    // joined along Company.employees; here the two people are joined on their company column.
    @DatabaseTest
    void anAliasOfTheBaseClassAliasesEveryTableOfTheHierarchy(TestEngines engines) {
        withData(engines, recorder -> {
            Session session = SESSION.get();
            EntityAlias<Person> e = Orm.aliased(Person.class, "e");
            List<Row> rows = session.execute(Orm.select(Person.class, e)
                    .where(Person_.companyId.eq(e.get(Person_.companyId)), Person_.personId.ne(e.get(Person_.personId)),
                            Person_.name.eq("dilbert"), e.get(Person_.name).eq("wally"))).all();
            assertThat(recorder.sql().get(0)).contains(" FROM people LEFT OUTER JOIN engineers ON", ", people AS e LEFT"
                    + " OUTER JOIN engineers AS e_engineers ON e_engineers.person_id = e.person_id LEFT OUTER JOIN"
                    + " managers AS e_managers ON e_managers.person_id = e.person_id LEFT OUTER JOIN boss AS e_boss ON"
                    + " e_boss.person_id = e.person_id");
            assertThat(rows).hasSize(1);
            Row row = rows.get(0);
            Engineer dilbert = (Engineer) row.get(0);
            Engineer wally = (Engineer) row.get(1);
            assertThat(List.of(dilbert.name, dilbert.primaryLanguage, wally.name, wally.primaryLanguage))
                    .containsExactly("dilbert", "java", "wally", "c++");
            assertThat(recorder.sql()).hasSize(1);
        });
    }

    // SQLAlchemy: test_polymorphic_rel.py (a subclass entity among others: its row inner-joins its superclass
    // tables and outer-joins its own subclasses, in the place of the base table the join to Company.employees gave).
    @DatabaseTest
    void aSubclassNextToAnotherEntityJoinsItsTablesInPlaceOfTheBaseTable(TestEngines engines) {
        withData(engines, recorder -> {
            Session session = SESSION.get();
            List<Row> rows = session.execute(Orm.select(Company.class, Manager.class).join(Company_.employees)
                    .orderBy(Manager_.personId)).all();
            assertThat(recorder.sql().get(0)).contains(" FROM companies JOIN (people JOIN managers ON"
                    + " managers.person_id = people.person_id LEFT OUTER JOIN boss ON boss.person_id ="
                    + " people.person_id) ON");
            assertThat(rows).extracting(r -> r.get(1).toString())
                    .containsExactly("Manager(pointy haired boss)", "Boss(jsmith)");
            assertThat(((Boss) rows.get(1).get(1)).golfSwing).isEqualTo("fore");
        });
    }

    /** The shapes a select of several elements cannot read correctly are refused before any statement. */
    @DatabaseTest
    void shapesThatCannotBeReadAreRefusedNamingTheFix(TestEngines engines) {
        withData(engines, recorder -> {
            Session session = SESSION.get();
            assertThatThrownBy(() -> session.execute(Orm.select(Engineer.class, Manager.class)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This select reads Manager and another class of its hierarchy from the same table"
                            + " people, so both would be read from one row; give one of them its own table with"
                            + " Orm.aliased(Person.class) and join or filter the alias");
            assertThatThrownBy(() -> Orm.aliased(Manager.class, "m"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Alias m of Manager would cover table managers only, but a row of Manager spans the tables"
                            + " of its superclasses too; alias the base class instead, Orm.aliased(Person.class), and"
                            + " filter its subclass rows by the discriminator");
            assertThatThrownBy(() -> session.execute(Orm.select(Company.class, Person.class)
                    .fromStatement(Sql.text("SELECT * FROM companies, people"))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Person is part of an inheritance hierarchy, whose rows a statement given to"
                            + " fromStatement(...) does not lay out as the ORM reads them; query it with"
                            + " Orm.select(Person.class) and its where(...) and join(...) instead");
            assertThat(recorder.sql()).isEmpty();
        });
    }
}
