package io.retort.impl.orm.inheritance.single;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.engine.Row;
import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.sql.Sql;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/** Single-table inheritance on the four databases, ported from SQLAlchemy's test/orm/inheritance/test_single.py. */
class SingleTableInheritanceIT {

    // SQLAlchemy: test/orm/inheritance/test_single.py::SingleInheritanceTest::test_single_inheritance
    @DatabaseTest
    void eachClassQueriesItsOwnRowsAndTheBaseClassAll(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Employee.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Manager m1 = new Manager("Tom", "knows how to manage things");
            Engineer e1 = new Engineer("Kurt", "knows how to hack");
            JuniorEngineer e2 = new JuniorEngineer("Ed", "oh that ed");
            session.addAll(List.of(m1, e1, e2));
            session.connection();
            recorder.clear();
            session.flush();
            // One INSERT per class (their column sets differ), the discriminator set by the flush. Retort differs
            // here: SQLAlchemy inserts the rows of one table in the order they were added (test_poly_persistence.py::
            // InsertOrderTest::test_insert_order); Retort writes a single-table hierarchy class by class, in the
            // order of the classes' names, so keys follow that order.
            assertThat(recorder.dml()).hasSize(3);
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO employees (name, type, engineer_info)");
            assertThat(recorder.dml().get(1)).startsWith("INSERT INTO employees (name, type, engineer_info)");
            assertThat(recorder.dml().get(2)).startsWith("INSERT INTO employees (name, type, manager_data)");
            assertThat(List.of(m1.type, e1.type, e2.type)).containsExactly("manager", "engineer", "juniorengineer");
            assertThat(List.of(m1.toString(), e1.toString(), e2.toString()))
                    .containsExactly("Manager(Tom)", "Engineer(Kurt)", "JuniorEngineer(Ed)");

            assertThat(session.scalars(select(Employee.class)).all()).containsExactlyInAnyOrder(m1, e1, e2);
            assertThat(session.scalars(select(Engineer.class)).all()).containsExactlyInAnyOrder(e1, e2);
            assertThat(session.scalars(select(Manager.class)).all()).containsExactly(m1);
            assertThat(session.scalars(select(JuniorEngineer.class)).all()).containsExactly(e2);
            session.commit();
        }
        try (Session session = Session.open(engine)) {
            recorder.clear();
            List<Employee> all = session.scalars(select(Employee.class).orderBy(Employee_.name.desc())).all();
            assertThat(all).extracting(Object::toString)
                    .containsExactly("Manager(Tom)", "Engineer(Kurt)", "JuniorEngineer(Ed)");
            assertThat(((Manager) all.get(0)).managerData).isEqualTo("knows how to manage things");
            assertThat(((Engineer) all.get(2)).engineerInfo).isEqualTo("oh that ed");
            assertThat(recorder.sql()).hasSize(1);
            assertThat(session.scalars(select(Engineer.class).where(Engineer_.name.eq("Kurt"))).one())
                    .isSameAs(all.get(1));
            assertThat(session.get(Engineer.class, all.get(2).employeeId)).isSameAs(all.get(2));
            assertThat(session.get(Manager.class, all.get(2).employeeId)).isNull();
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_basic.py::PolymorphicAttributeManagementTest::test_entirely_oob_assignment
    // SQLAlchemy warns "Flushing object ... with incompatible polymorphic identity" and writes the row, which then
    // loads as another class (or not at all); Retort refuses the flush and writes nothing.
    @DatabaseTest
    void aDiscriminatorSetToAnotherIdentityIsRefused(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Employee.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Engineer engineer = new Engineer("Kurt", "hacks");
            engineer.type = "xyz";
            session.add(engineer);
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Cannot flush Engineer (no identity yet): Engineer(Kurt): its discriminator"
                            + " field Employee.type holds 'xyz', but the polymorphic identity of Engineer is"
                            + " 'engineer'; leave the field null (the ORM sets it) or set it to 'engineer'");
            session.rollback();
            assertThat(session.scalars(select(Employee.class)).all()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_single.py::SingleInheritanceTest::test_multi_qualification: a subclass and
    // an alias of another subclass in one select each read only their own rows (each adds its discriminator
    // criterion) and load as their classes, with their subclass columns.
    @DatabaseTest
    void aSubclassAndAnAliasOfAnotherInOneSelectEachReadTheirOwnRows(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Employee.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Manager m1 = new Manager("Tom", "knows how to manage things");
            Engineer e1 = new Engineer("Kurt", "knows how to hack");
            JuniorEngineer e2 = new JuniorEngineer("Ed", "oh that ed");
            session.addAll(List.of(m1, e1, e2));
            session.commit();
            session.expireAll();
            recorder.clear();
            EntityAlias<Engineer> ealias = Orm.aliased(Engineer.class, "ealias");
            List<Row> rows = session.execute(Orm.select(Manager.class, ealias).join(ealias, Sql.trueValue())
                    .orderBy(ealias.get(Engineer_.name).desc())).all();
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("FROM employees JOIN employees AS ealias ON ",
                    "WHERE employees.type IN (?) AND ealias.type IN (?, ?)");
            assertThat(rows).extracting(r -> r.get(0)).containsExactly(m1, m1);
            assertThat(rows).extracting(r -> r.get(1)).containsExactly(e1, e2);
            assertThat(m1.managerData).isEqualTo("knows how to manage things");
            assertThat(e2.engineerInfo).isEqualTo("oh that ed");
            // the base class next to a column: every class's columns, each row as its class
            List<Row> all = session.execute(Orm.select(Employee.class, Employee_.name).orderBy(Employee_.name))
                    .all();
            assertThat(all).extracting(r -> r.get(0)).containsExactly(e2, e1, m1);
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_single.py::RelationshipToSingleTest::test_outer_join_prop (and
    // test_outer_join_literal_onclause): a subclass outer-joined keeps its discriminator test in the join's ON
    // clause, so the rows without one stay, with no object. In WHERE it made the outer join an inner one.
    @DatabaseTest
    void anOuterJoinedSubclassKeepsTheRowsItDoesNotMatch(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Employee.class, Assignment.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            JuniorEngineer ed = new JuniorEngineer("Ed", "hacks");
            session.addAll(List.of(new Assignment("plan", new Manager("Tom", "manages")), new Assignment("build", ed),
                    new Assignment("idle", null)));
            session.commit();
            recorder.clear();
            List<Row> rows = session.execute(Orm.select(Assignment.class, Engineer.class).outerJoin(Engineer.class)
                    .orderBy(Assignment_.id)).all();
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("FROM assignments LEFT OUTER JOIN employees ON ",
                    " AND employees.type IN (?, ?)").doesNotContain("WHERE");
            assertThat(rows).extracting(r -> ((Assignment) r.get(0)).task).containsExactly("plan", "build", "idle");
            assertThat(rows).extracting(r -> r.get(1)).containsExactly(null, ed, null);
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/inheritance/test_single.py::RelationshipToSingleTest (a relationship whose target is in a
    // single-table hierarchy): the related object loads as the class of its row, with its subclass columns.
    @DatabaseTest
    void aRelationshipToTheBaseClassLoadsEachRowAsItsClass(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Employee.class, Assignment.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                session.addAll(List.of(new Assignment("plan", new Manager("Tom", "manages")),
                        new Assignment("build", new JuniorEngineer("Ed", "hacks"))));
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                List<Assignment> assignments = session.scalars(select(Assignment.class)
                        .orderBy(Assignment_.id)).all();
                assertThat(assignments).extracting(a -> String.valueOf(a.employee))
                        .containsExactly("Manager(Tom)", "JuniorEngineer(Ed)");
                assertThat(((Manager) assignments.get(0).employee).managerData).isEqualTo("manages");
                assertThat(((Engineer) assignments.get(1).employee).engineerInfo).isEqualTo("hacks");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
