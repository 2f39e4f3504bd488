package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/** The statements a flush emits, in order: parents inserted first, children deleted first, changed columns only. */
class UnitOfWorkIT {

    /**
     * Parents are inserted first and deleted last, by foreign key alone. The tables' dependency order (publisher,
     * series, edition) is not their alphabetical order nor its reverse, and the objects are added in neither order,
     * so a flush that sorted by table name, or kept or reversed the order of {@code add}, writes them wrongly.
     */
    @DatabaseTest
    void flushOrdersStatementsByForeignKeys(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        engines.mapped(Publisher.class, Series.class, Edition.class);
        try (Session session = Session.open(engine)) {
            Publisher publisher = new Publisher(1, "Ace");
            Series series = new Series(10, 1, "Hainish Cycle");
            Edition edition = new Edition(100, 10, "First");
            // Added in the order series, edition, publisher.
            session.add(series);
            session.add(edition);
            session.add(publisher);
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).containsExactly(
                    "INSERT INTO publisher (id, name) VALUES (?, ?)",
                    "INSERT INTO series (id, publisher_id, title) VALUES (?, ?, ?)",
                    "INSERT INTO edition (id, series_id, label) VALUES (?, ?, ?)");
            session.commit();

            // An UPDATE names only the changed column.
            series.title = "The Hainish Cycle";
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).containsExactly("UPDATE series SET title=? WHERE series.id = ?");
            assertThat(recorder.events().get(0).parameterSets().get(0))
                    .containsEntry("set_title", "The Hainish Cycle").containsEntry("key_id", 10);
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty(); // nothing changed since

            // Deleted in the order series, publisher, edition: the flush deletes children first.
            session.delete(series);
            session.delete(publisher);
            session.delete(edition);
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).containsExactly(
                    "DELETE FROM edition WHERE edition.id = ?",
                    "DELETE FROM series WHERE series.id = ?",
                    "DELETE FROM publisher WHERE publisher.id = ?");
        }
    }

    @DatabaseTest
    void rowsOfASelfReferencingTableAreOrderedByTheirReferences(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        engines.mapped(TreeNode.class);
        try (Session session = Session.open(engine)) {
            // Ids are not in dependency order (root 20, branch 30, leaf 10), and neither is the order of add: a flush
            // that sorted rows by key, or kept or reversed their order, writes a child before its parent.
            TreeNode leaf = new TreeNode(10, 30, "leaf");
            TreeNode branch = new TreeNode(30, 20, "branch");
            TreeNode root = new TreeNode(20, null, "root");
            session.addAll(List.of(branch, leaf, root));
            recorder.clear();
            session.commit();
            assertThat(recorder.events()).hasSize(1); // one batch, in dependency order
            assertThat(recorder.events().get(0).parameterSets()).extracting(p -> p.get("id"))
                    .containsExactly(20, 30, 10);

            session.delete(root);
            session.delete(leaf);
            session.delete(branch);
            recorder.clear();
            session.commit();
            assertThat(recorder.events().get(0).parameterSets()).extracting(p -> p.get("key_id"))
                    .containsExactly(10, 30, 20);
        }
    }
}
