package io.retort.impl.orm.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;

/**
 * A reference declared {@code loading = LAZY}, {@code RAISE} or {@code NOLOAD} (as SQLAlchemy's {@code lazy="select"} and
 * {@code lazy="raise"} on a many-to-one): mapped, loaded on read, or refused on read. Found 2026-12-06: the mapping
 * refused both with "Java cannot intercept the read of a plain field", a message left from before mapped classes
 * were enhanced (LAZY is what a reference does by default).
 */
class ReferenceLoadingIT {
    @DatabaseTest
    void aReferenceDeclaredLazyLoadsOnReadAndOneDeclaredRaiseRefusesIt(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Memo.class, Folder.class, Document.class, Client.class, ClientOrder.class,
                ClientNote.class, Pref.class);
        registry.createAll(engine);
        try {
            int id;
            try (Session session = Session.open(engine)) {
                Memo memo = new Memo("m");
                memo.folder = new Folder("f");
                memo.client = new Client("c");
                memo.archive = new Folder("archive");
                session.add(memo);
                session.commit();
                id = memo.id;
            }
            try (Session session = Session.open(engine)) {
                Memo memo = session.get(Memo.class, id);
                recorder.clear();
                assertThat(memo.folder.name).isEqualTo("f");
                assertThat(recorder.sql()).hasSize(1);
                assertThatThrownBy(() -> assertThat(memo.client).isNull()).isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("Memo.client");
                // NOLOAD: null, and still null after a flush of the object (no load, no statement).
                assertThat(memo.archive).isNull();
                memo.text = "changed";
                session.flush();
                recorder.clear();
                assertThat(memo.archive).isNull();
                assertThat(recorder.sql()).isEmpty();
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
