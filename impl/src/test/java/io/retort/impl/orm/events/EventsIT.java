package io.retort.impl.orm.events;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.impl.orm.inheritance.Company;
import io.retort.impl.orm.inheritance.Engineer;
import io.retort.impl.orm.inheritance.Manager;
import io.retort.impl.orm.inheritance.Person;
import io.retort.orm.EntityListener;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.SessionListener;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Persistence events on the four databases, ported from SQLAlchemy's test/orm/test_events.py. */
class EventsIT {

    /** A listener that notes every event of every object as "listener event Class(name)". */
    private static EntityListener<Object> noting(List<String> log) {
        return new EntityListener<>() {
            @Override
            public void beforeInsert(Session session, Object instance) {
                log.add("before_insert " + instance);
            }

            @Override
            public void afterInsert(Session session, Object instance) {
                log.add("after_insert " + instance);
            }

            @Override
            public void beforeUpdate(Session session, Object instance) {
                log.add("before_update " + instance);
            }

            @Override
            public void afterUpdate(Session session, Object instance) {
                log.add("after_update " + instance);
            }

            @Override
            public void beforeDelete(Session session, Object instance) {
                log.add("before_delete " + instance);
            }

            @Override
            public void afterDelete(Session session, Object instance) {
                log.add("after_delete " + instance);
            }

            @Override
            public void afterLoad(Session session, Object instance) {
                log.add("load " + instance);
            }
        };
    }

    // SQLAlchemy: test/orm/test_events.py::MapperEventsTest::test_basic. Retort has no init, refresh_flush, expire
    // or refresh events; the annotated methods of the class run before the registered listeners.
    @DatabaseTest
    void eachEventOfAnObjectsLifeInOrder(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Note.class);
        registry.createAll(engine);
        Note.LOG.clear();
        List<String> heard = new ArrayList<>();
        SessionFactory sessions = SessionFactory.builder(engine).listener(Note.class, new EntityListener<Note>() {
            @Override
            public void beforeInsert(Session session, Note note) {
                heard.add("listener before_insert " + note.text);
            }
        }).build();
        try {
            Integer id;
            try (Session session = sessions.open()) {
                Note note = new Note("n1");
                session.add(note);
                session.flush();
                id = note.id;
                session.commit();
            }
            try (Session session = sessions.open()) {
                Note note = session.get(Note.class, id);
                note.text = "n1 changed";
                session.connection();
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).containsExactly("UPDATE notes SET text=?, stamp=? WHERE notes.id = ?");
                session.delete(note);
                session.flush();
                session.commit();
            }
            assertThat(Note.LOG).containsExactly("before_insert n1 id=null", "after_insert n1 id=" + id,
                    "load n1", "before_update n1 changed", "after_update n1 changed", "before_delete n1 changed",
                    "after_delete n1 changed");
            assertThat(heard).containsExactly("listener before_insert n1");
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.select(registry.mapping(Note.class).table())).all()).isEmpty();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/test_events.py::MapperEventsTest::test_inheritance (a listener of the base class hears
    // its subclasses' objects), in the order of the flush: SQLAlchemy's persistence.save_obj calls before_insert for
    // a mapper's objects before its INSERTs and after_insert after them; a joined subclass's object is inserted once
    // all of its tables are written.
    @DatabaseTest
    void eventsRunInFlushOrderAndABaseClassListenerHearsSubclasses(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        List<String> log = new ArrayList<>();
        SessionFactory sessions = SessionFactory.builder(engine).listener(Person.class, noting(log)).build();
        try (Session session = sessions.open()) {
            Company company = new Company("c1");
            company.hire(new Manager("pointy", "A", "m1"));
            company.hire(new Person("joe"));
            company.hire(new Engineer("dilbert", "B", "e1", "java"));
            session.add(company);
            session.commit();
            assertThat(log).containsExactly("before_insert Manager(pointy)", "before_insert Person(joe)",
                    "before_insert Engineer(dilbert)", "after_insert Person(joe)", "after_insert Engineer(dilbert)",
                    "after_insert Manager(pointy)");
        } finally {
            registry.dropAll(engine);
        }
    }

    // The rule: an exception in a before-event aborts the flush with the failed-flush semantics (see
    // FlushIT), and nothing is written (the INSERT of the company, already sent, is rolled back).
    @DatabaseTest
    void anExceptionInABeforeEventAbortsTheFlushAndNothingIsWritten(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Company.class, Person.class);
        registry.createAll(engine);
        SessionFactory sessions = SessionFactory.builder(engine).listener(Person.class, new EntityListener<Person>() {
            @Override
            public void beforeInsert(Session session, Person person) {
                if (person.name().equals("joe")) {
                    throw new IllegalStateException("joe may not join");
                }
            }
        }).build();
        try (Session session = sessions.open()) {
            Company company = new Company("c1");
            company.hire(new Manager("pointy", "A", "m1"));
            company.hire(new Person("joe"));
            session.add(company);
            assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessage("joe may not join");
            assertThatThrownBy(() -> session.scalars(select(Company.class)).all())
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("rollback()");
            session.rollback();
            assertThat(session.scalars(select(Company.class)).all()).isEmpty();
            assertThat(session.scalars(select(Person.class)).all()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/test_events.py::SessionEventsTest::test_before_flush_affects_flush_plan (an object added
    // in before_flush is flushed by the same flush), and the after_commit / after_rollback events.
    @DatabaseTest
    void sessionEventsAroundFlushCommitAndRollback(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Note.class);
        registry.createAll(engine);
        Note.LOG.clear();
        List<String> log = new ArrayList<>();
        SessionFactory sessions = SessionFactory.builder(engine).listener(new SessionListener() {
            @Override
            public void beforeFlush(Session session) {
                log.add("before_flush");
                if (log.size() == 1) {
                    session.add(new Note("added in before_flush"));
                }
            }

            @Override
            public void afterCommit(Session session) {
                log.add("after_commit");
            }

            @Override
            public void afterRollback(Session session) {
                log.add("after_rollback");
            }
        }).build();
        try (Session session = sessions.open()) {
            session.add(new Note("n1"));
            session.commit();
            assertThat(session.scalars(select(Note.class)).all()).hasSize(2);
            session.rollback();
            assertThat(log).containsExactly("before_flush", "after_commit", "before_flush", "after_rollback");
            assertThat(Note.LOG).startsWith("before_insert n1 id=null", "before_insert added in before_flush id=null");
        } finally {
            registry.dropAll(engine);
        }
    }

    // SQLAlchemy: test/orm/test_events.py::ORMExecuteTest::test_update_delete_flags and ::test_non_orm_statements:
    // do_orm_execute hears every statement given to the session's execute, ORM or Core, before its autoflush. Mapper
    // events do not run for ORM UPDATE, DELETE and bulk INSERT (SQLAlchemy's "ORM-Enabled INSERT, UPDATE, and DELETE
    // statements" documentation: they do not invoke before_insert/after_insert, before_update ... for the rows they
    // write, as no objects are flushed): Note.LOG stays empty for them. Retort's beforeExecute does not run for the
    // loads the ORM runs itself, where SQLAlchemy's do_orm_execute does (is_relationship_load).
    @DatabaseTest
    void bulkStatementsRunNoObjectEventsAndBeforeExecuteHearsEveryStatement(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Note.class);
        registry.createAll(engine);
        Note.LOG.clear();
        List<String> heard = new ArrayList<>();
        SessionFactory sessions = SessionFactory.builder(engine).listener(new SessionListener() {
            @Override
            public void beforeExecute(Session session, Object statement) {
                heard.add(statement.getClass().getSimpleName() + " (" + recorder.sql().size() + " statements)");
            }
        }).build();
        try (Session session = sessions.open()) {
            session.execute(Orm.insert(Note.class), List.of(Map.of("text", "bulk 1"), Map.of("text", "bulk 2")));
            session.execute(Orm.update(Note.class).values(Map.of("text", "changed"))
                    .where(Note_.text.eq("bulk 1")));
            session.execute(Orm.delete(Note.class).where(Note_.text.eq("bulk 2")));
            assertThat(Note.LOG).isEmpty();
            Note added = new Note("added");
            session.add(added);
            recorder.clear();
            List<Note> notes = session.scalars(Orm.select(Note.class).orderBy(Note_.id)).all();
            // the listener ran before the autoflush that inserted the added note
            assertThat(heard.get(heard.size() - 1)).isEqualTo("EntitySelect (0 statements)");
            assertThat(notes).extracting(n -> n.text).containsExactly("changed", "added");
            session.execute(Sql.select(Sql.literal(io.retort.types.Types.INTEGER, 1)));
            assertThat(heard).extracting(h -> h.substring(0, h.indexOf(' '))).containsExactly("OrmInsert",
                    "OrmUpdate", "OrmDelete", "EntitySelect", "Select");
            // the flushed object's events ran, and the query's load of the bulk-inserted row; the bulk statements'
            // did not
            assertThat(Note.LOG).containsExactly("before_insert added id=null", "after_insert added id="
                    + added.id, "load changed");
            session.commit();
        } finally {
            registry.dropAll(engine);
        }
    }
}
