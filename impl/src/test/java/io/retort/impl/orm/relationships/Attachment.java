package io.retort.impl.orm.relationships;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/**
 * A row with a value that can change in place (a {@code byte[]}) and a method that writes its own field, for the
 * change tracking tests of {@link InstrumentationIT}.
 */
@Mapped
public class Attachment {
    @Id @Nullable Integer id;
    @Column(length = 40) String label = "";
    byte[] content = new byte[0];

    protected Attachment() {
    }

    Attachment(String label, byte[] content) {
        this.label = label;
        this.content = content;
    }

    /** Writes the field from inside the class: the enhancer rewrites this write too. */
    void relabel(String label) {
        this.label = label;
    }
}
