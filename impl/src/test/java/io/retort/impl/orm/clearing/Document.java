package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import io.retort.schema.ReferentialAction;
import org.jspecify.annotations.Nullable;

/** A child whose foreign key the database would delete it by (ON DELETE CASCADE), and its lazy many-to-one. */
@Mapped(table = "fk_document")
public class Document {
    @Id @Nullable Integer id;
    @Column(length = 30) String title = "";
    @ForeignKey(value = "fk_folder.id", onDelete = ReferentialAction.CASCADE) @Nullable Integer folderId;
    @Relationship(backPopulates = "documents") @Nullable Folder folder;

    protected Document() {
    }

    Document(String title, @Nullable Folder folder) {
        this.title = title;
        this.folder = folder;
    }
}
