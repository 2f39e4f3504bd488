package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Engine;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/** The statements a flush emits, in order: parents inserted first, children deleted first, changed columns only. */
class UnitOfWorkIT {

    @DatabaseTest
    void flushOrdersStatementsByForeignKeys(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Author.class, Book.class, Chapter.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Author author = new Author(1, "Le Guin");
            Book book = new Book(10, 1, "The Dispossessed");
            Chapter chapter = new Chapter(100, 10, "Anarres");
            // Added children first: the flush must still insert the parent first.
            session.add(chapter);
            session.add(book);
            session.add(author);
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).containsExactly(
                    "INSERT INTO author (id, name) VALUES (?, ?)",
                    "INSERT INTO book (id, author_id, title, pages) VALUES (?, ?, ?, ?)",
                    "INSERT INTO chapter (id, book_id, heading) VALUES (?, ?, ?)");
            session.commit();

            // An UPDATE names only the changed column.
            book.title = "The Dispossessed: An Ambiguous Utopia";
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).containsExactly("UPDATE book SET title=? WHERE book.id = ?");
            assertThat(recorder.events().get(0).parameterSets().get(0))
                    .containsEntry("set_title", "The Dispossessed: An Ambiguous Utopia").containsEntry("key_id", 10);
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty(); // nothing changed since

            // Deleted parents first: the flush must delete the child first.
            session.delete(author);
            session.delete(book);
            session.delete(chapter);
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).containsExactly(
                    "DELETE FROM chapter WHERE chapter.id = ?",
                    "DELETE FROM book WHERE book.id = ?",
                    "DELETE FROM author WHERE author.id = ?");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void rowsOfASelfReferencingTableAreOrderedByTheirReferences(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(TreeNode.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            // Leaves first, root last.
            TreeNode leaf = new TreeNode(3, 2, "leaf");
            TreeNode branch = new TreeNode(2, 1, "branch");
            TreeNode root = new TreeNode(1, null, "root");
            session.addAll(List.of(leaf, branch, root));
            recorder.clear();
            session.commit();
            assertThat(recorder.events()).hasSize(1); // one batch, in dependency order
            assertThat(recorder.events().get(0).parameterSets()).extracting(p -> p.get("id"))
                    .containsExactly(1, 2, 3);

            session.delete(root);
            session.delete(branch);
            session.delete(leaf);
            recorder.clear();
            session.commit();
            assertThat(recorder.events().get(0).parameterSets()).extracting(p -> p.get("key_id"))
                    .containsExactly(3, 2, 1);
        } finally {
            registry.dropAll(engine);
        }
    }
}
