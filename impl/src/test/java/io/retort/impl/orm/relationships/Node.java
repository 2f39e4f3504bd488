package io.retort.impl.orm.relationships;

import io.retort.orm.Cascade;
import io.retort.orm.Column;
import io.retort.orm.ForeignKey;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An adjacency list with database-generated keys. */
@Mapped
public class Node {
    @Id @Nullable Integer id;
    @ForeignKey("node.id") @Nullable Integer parentId;
    @Column(length = 20) String label = "";
    @Relationship(backPopulates = "children") @Nullable Node parent;
    @Relationship(backPopulates = "parent", cascade = Cascade.ALL) List<Node> children = new ArrayList<>();

    protected Node() {
    }

    Node(String label) {
        this.label = label;
    }
}
