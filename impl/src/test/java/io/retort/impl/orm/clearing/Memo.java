package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Loading;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * Three references that name their loading: a folder that loads on read, a client whose read is an error, an archive
 * folder never loaded.
 */
@Mapped(table = "rl_memo")
public class Memo {
    @Id @Nullable Integer id;
    @Column(length = 30) String text = "";
    @ForeignKey("fk_folder.id") @Nullable Integer folderId;
    @Relationship(loading = Loading.LAZY, foreignKey = "folderId") @Nullable Folder folder;
    @ForeignKey("oc_client.id") @Nullable Integer clientId;
    @Relationship(loading = Loading.RAISE) @Nullable Client client;
    @ForeignKey("fk_folder.id") @Nullable Integer archiveId;
    @Relationship(loading = Loading.NOLOAD, foreignKey = "archiveId") @Nullable Folder archive;

    protected Memo() {
    }

    Memo(String text) {
        this.text = text;
    }
}
