package io.retort.impl.orm;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.orm.Column;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import org.jspecify.annotations.Nullable;

/**
 * Issue 20, case 4: two classes mapped to one table. The flush kept one mapper per table name, so one class's
 * objects were never written, while both reported PERSISTENT.
 */
class SharedTableIT {
    /** A full view of the shared table. */
    @Mapped(table = "shared_note")
    public static class FullNote {
        @Id(generation = Generation.ASSIGNED) @Nullable Integer id;
        @Column(length = 40) String body;

        protected FullNote() {
            this(0, "");
        }

        FullNote(int id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    /** A second class on the same table. */
    @Mapped(table = "shared_note")
    public static class BriefNote {
        @Id(generation = Generation.ASSIGNED) @Nullable Integer id;
        @Column(length = 40) String body;

        protected BriefNote() {
            this(0, "");
        }

        BriefNote(int id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    @DatabaseTest
    void objectsOfTwoClassesOnOneTableAreAllWritten(Engine engine) {
        Registry registry = Registry.of(FullNote.class);
        registry.createAll(engine);
        try {
            FullNote full = new FullNote(1, "full");
            BriefNote brief = new BriefNote(2, "brief");
            try (Session session = Session.open(engine)) {
                session.add(full);
                session.add(brief);
                session.commit();
                assertThat(Orm.inspect(full).state()).isEqualTo(ObjectState.PERSISTENT);
                assertThat(Orm.inspect(brief).state()).isEqualTo(ObjectState.PERSISTENT);
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT body FROM shared_note ORDER BY id")).scalars(String.class).all())
                        .containsExactly("full", "brief");
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
