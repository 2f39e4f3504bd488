package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parent whose children's foreign key is ON DELETE CASCADE, with a relationship of the default cascade. */
@Mapped(table = "fk_folder")
public class Folder {
    @Id @Nullable Integer id;
    @Column(length = 30) String name = "";
    @Relationship(backPopulates = "folder") List<Document> documents = new ArrayList<>();

    protected Folder() {
    }

    Folder(String name) {
        this.name = name;
    }
}
