package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A self-referencing table (an adjacency list) with assigned keys. */
@Mapped
public class TreeNode {
    @Id Integer id;
    @ForeignKey("tree_node.id") @Nullable Integer parentId;
    @Column(length = 20) String label;

    protected TreeNode() {
        this(0, null, "");
    }

    TreeNode(Integer id, @Nullable Integer parentId, String label) {
        this.id = id;
        this.parentId = parentId;
        this.label = label;
    }
}
