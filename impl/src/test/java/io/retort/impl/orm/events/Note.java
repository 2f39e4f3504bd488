package io.retort.impl.orm.events;

import io.retort.orm.AfterDelete;
import io.retort.orm.AfterInsert;
import io.retort.orm.AfterLoad;
import io.retort.orm.AfterUpdate;
import io.retort.orm.BeforeDelete;
import io.retort.orm.BeforeInsert;
import io.retort.orm.BeforeUpdate;
import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Session;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A mapped class with a method for every persistence event, each noting the event in {@link #LOG}. */
@Mapped(table = "notes")
public class Note {
    /** The events seen, in order (the tests run one at a time). */
    static final List<String> LOG = new ArrayList<>();

    @Id @Nullable Integer id;
    @Column(length = 50) String text;
    @Column(length = 50) @Nullable String stamp;

    protected Note() {
        this.text = "";
    }

    Note(String text) {
        this.text = text;
    }

    @BeforeInsert
    private void beforeInsert() {
        LOG.add("before_insert " + text + " id=" + id);
    }

    @AfterInsert
    private void afterInsert(Session session) {
        LOG.add("after_insert " + text + " id=" + id + (session.contains(this) ? "" : " (not in the session)"));
    }

    @BeforeUpdate
    void beforeUpdate() {
        LOG.add("before_update " + text);
        stamp = "updated"; // written by the same UPDATE
    }

    @AfterUpdate
    void afterUpdate() {
        LOG.add("after_update " + text);
    }

    @BeforeDelete
    void beforeDelete() {
        LOG.add("before_delete " + text);
    }

    @AfterDelete
    void afterDelete() {
        LOG.add("after_delete " + text);
    }

    @AfterLoad
    void afterLoad() {
        LOG.add("load " + text);
    }
}
