package io.retort.impl.orm;

import io.retort.engine.Result;
import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The deferred columns of loaded objects, as SQLAlchemy's {@code DeferredColumnLoader}: which a row left unloaded,
 * loading one (with the unloaded rest of its group) on first read with {@code SELECT columns FROM table WHERE key = ?},
 * a write to one before it was loaded kept for the flush. Stateless; runs on the owning session's thread.
 */
final class DeferredColumns {
    private DeferredColumns() {
    }

    /**
     * After a row filled (or refilled) an object: the columns the query deferred are unloaded, except those the
     * application wrote while the object was expired (kept, and written by the next flush).
     */
    static void afterFill(InstanceState state, Deferral deferral, boolean @Nullable [] writtenFields) {
        state.writtenUnloaded = null;
        state.expiredColumns = null;
        if (deferral.isEmpty()) {
            state.unloadedColumns = null;
            state.raiseColumns = null;
            return;
        }
        BitSet unloaded = (BitSet) deferral.deferred.clone();
        BitSet raise = deferral.raise.isEmpty() ? null : (BitSet) deferral.raise.clone();
        if (writtenFields != null) {
            List<Attribute> attributes = state.mapper.attributes();
            for (int i = unloaded.nextSetBit(0); i >= 0; i = unloaded.nextSetBit(i + 1)) {
                if (writtenFields[attributes.get(i).enhancedIndex()]) {
                    unloaded.clear(i);
                    if (raise != null) {
                        raise.clear(i);
                    }
                    writtenUnloaded(state).set(i);
                }
            }
        }
        state.unloadedColumns = unloaded;
        state.raiseColumns = raise;
    }

    /**
     * A row of a query met an object the session holds, unexpired: its unloaded columns that this query selected
     * are filled from the row (SQLAlchemy populates the unloaded attributes of an existing object the same way).
     */
    static void fillUnloaded(InstanceState state, @Nullable Object[] values, Deferral deferral) {
        BitSet unloaded = state.unloadedColumns;
        @Nullable Object[] committed = state.committed;
        Object instance = state.instance();
        if (unloaded == null || committed == null || instance == null) {
            return;
        }
        List<Attribute> attributes = state.mapper.attributes();
        for (int i = unloaded.nextSetBit(0); i >= 0; i = unloaded.nextSetBit(i + 1)) {
            if (!deferral.deferred.get(i)) {
                attributes.get(i).set(instance, values[i]);
                committed[i] = values[i] instanceof byte[] bytes ? bytes.clone() : values[i];
                unloaded.clear(i);
                if (state.raiseColumns != null) {
                    state.raiseColumns.clear(i);
                }
                if (state.expiredColumns != null) {
                    state.expiredColumns.clear(i);
                }
            }
        }
    }

    /** A write to an unloaded deferred column: it is no longer unloaded, and the next flush writes it. */
    static void beforeWrite(InstanceState state, int field) {
        BitSet unloaded = state.unloadedColumns;
        int index = Deferral.defaults(state.mapper).attributeOfField[field];
        if (unloaded != null && index >= 0 && unloaded.get(index)) {
            unloaded.clear(index);
            writtenUnloaded(state).set(index);
            if (state.expiredColumns != null) {
                state.expiredColumns.clear(index);
            }
        }
    }

    /**
     * merge() copied every column but {@code skipped} into an object: its unloaded deferred columns among them are
     * written now, and the flush writes them.
     */
    static void copiedInto(InstanceState state, Deferral skipped) {
        BitSet unloaded = state.unloadedColumns;
        if (unloaded == null) {
            return;
        }
        for (int i = unloaded.nextSetBit(0); i >= 0; i = unloaded.nextSetBit(i + 1)) {
            if (!skipped.deferred.get(i)) {
                unloaded.clear(i);
                writtenUnloaded(state).set(i);
            }
        }
    }

    private static BitSet writtenUnloaded(InstanceState state) {
        BitSet written = state.writtenUnloaded;
        if (written == null) {
            written = new BitSet();
            state.writtenUnloaded = written;
        }
        return written;
    }

    /** A read of a field: an unloaded deferred column loads now, or raises (raiseOnLoad, a detached object). */
    static void beforeRead(InstanceState state, Object instance, int field) {
        Deferral.Defaults defaults = Deferral.defaults(state.mapper);
        int index = field < defaults.attributeOfField.length ? defaults.attributeOfField[field] : -1;
        BitSet unloaded = state.unloadedColumns;
        if (index < 0 || unloaded == null || !unloaded.get(index)) {
            return;
        }
        Attribute attribute = state.mapper.attributes().get(index);
        BitSet expired = state.expiredColumns;
        if (expired != null && expired.get(index)) {
            loadExpiredOnRead(state, instance, attribute, expired);
            return;
        }
        String undefer = "select(" + state.mapper.entityClass().getSimpleName() + ".class).options(undefer("
                + state.mapper.entityClass().getSimpleName() + "_." + attribute.name() + "))";
        if (state.raiseColumns != null && state.raiseColumns.get(index)) {
            throw new InvalidRequestException("Column " + attribute + " is deferred and its loading is raiseOnLoad,"
                    + " so reading it is an error; load it with the query, e.g. " + undefer);
        }
        DefaultSession session = state.session();
        if (session == null || session.isClosed() || state.status() == InstanceState.Status.DETACHED) {
            throw new DetachedInstanceException("Cannot read " + attribute.name() + ": the " + state.describe()
                    + " is detached (its Session is closed, or it was expunged) and the column is deferred (the"
                    + " query left it out), so there is no Session to load it through. Load it with the query, e.g. "
                    + undefer + ", or read it before the Session closes");
        }
        if (state.status() != InstanceState.Status.PERSISTENT || state.identity == null) {
            throw new InvalidRequestException("Cannot read " + attribute.name() + " of " + state.describe()
                    + ": the column is deferred and the object is "
                    + state.status().name().toLowerCase(java.util.Locale.ROOT) + ", so it has no row to load it from");
        }
        session.checkUsableUnlessFlushing();
        BitSet load = new BitSet();
        load.set(index);
        String group = defaults.groupOf[index];
        if (group != null) {
            // groupOf names only groups that groups holds: both are built from the same @Column(deferGroup) values.
            BitSet members = (BitSet) java.util.Objects.requireNonNull(defaults.groups.get(group), group).clone();
            members.and(unloaded);
            if (state.raiseColumns != null) {
                members.andNot(state.raiseColumns);
            }
            load.or(members);
        }
        load(state, instance, load, session, attribute, undefer, true);
    }

    /** The read of a column {@code session.expire(object, names...)} expired: every expired column loads now. */
    private static void loadExpiredOnRead(InstanceState state, Object instance, Attribute attribute, BitSet expired) {
        DefaultSession session = state.session();
        if (session == null || session.isClosed() || state.status() == InstanceState.Status.DETACHED) {
            throw new DetachedInstanceException("Cannot read " + attribute.name() + ": the " + state.describe()
                    + " is detached (its Session is closed, or it was expunged) and the attribute is expired"
                    + " (session.expire(object, \"" + attribute.name() + "\") expired it), so there is no value to"
                    + " show and no Session to load it through. Read it before the Session closes, or refresh it"
                    + " with session.refresh(object, \"" + attribute.name() + "\") while the object is in one");
        }
        if (state.status() != InstanceState.Status.PERSISTENT || state.identity == null) {
            throw new InvalidRequestException("Cannot read " + attribute.name() + " of " + state.describe()
                    + ": it is expired and " + state.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ", so it has no row to load it from");
        }
        session.checkUsableUnlessFlushing();
        loadExpired(state, instance, expired, true);
    }

    /**
     * Loads the expired columns among {@code columns} (those still unloaded) with one SELECT, as SQLAlchemy loads an
     * object's expired attributes together; whether the row was there (without it, {@code required} raises).
     */
    static boolean loadExpired(InstanceState state, Object instance, BitSet columns, boolean required) {
        BitSet unloaded = state.unloadedColumns;
        DefaultSession session = state.session();
        if (unloaded == null || session == null) {
            return true;
        }
        BitSet load = (BitSet) columns.clone();
        load.and(unloaded);
        if (load.isEmpty()) {
            return true;
        }
        Attribute first = state.mapper.attributes().get(load.nextSetBit(0));
        return load(state, instance, load, session, first, "session.refresh(object, \"" + first.name() + "\")",
                required);
    }

    /**
     * Loads every unloaded deferred column of an object (raiseOnLoad ones too) with one SELECT: an ORM UPDATE or
     * DELETE evaluates its criteria on the object's fields, which must hold the row's values.
     */
    static void loadAll(InstanceState state) {
        BitSet unloaded = state.unloadedColumns;
        DefaultSession session = state.session();
        Object instance = state.instance();
        if (unloaded == null || unloaded.isEmpty() || session == null || instance == null || state.identity == null) {
            return;
        }
        Attribute first = state.mapper.attributes().get(unloaded.nextSetBit(0));
        load(state, instance, (BitSet) unloaded.clone(), session, first, "no loadOnly/defer on the objects' query",
                true);
        state.raiseColumns = null;
    }

    /**
     * Loads columns {@code load} of an object with one SELECT by its key; whether its row was found (without it,
     * {@code required} raises, naming the attribute read).
     */
    private static boolean load(InstanceState state, Object instance, BitSet load, DefaultSession session,
            Attribute attribute, String undefer, boolean required) {
        BitSet unloaded = java.util.Objects.requireNonNull(state.unloadedColumns);
        Object identity = java.util.Objects.requireNonNull(state.identity);
        List<Attribute> attributes = state.mapper.attributes();
        List<Expression<?>> columns = new ArrayList<>();
        for (int i = load.nextSetBit(0); i >= 0; i = load.nextSetBit(i + 1)) {
            columns.add(attributes.get(i).column());
        }
        Select select = Sql.select(columns.toArray(new Expression<?>[0]))
                .where(keyEquals(state.mapper.key(), identity));
        @Nullable Object[] row = null;
        BitSet expired = state.expiredColumns;
        String kind = expired != null && expired.get(load.nextSetBit(0)) ? "expired" : "deferred";
        String fix = kind.equals("expired") ? "load it again with the objects' query, or with " + undefer
                : "load it with the objects' query, e.g. " + undefer;
        try (io.retort.engine.StatementOrigin origin = io.retort.engine.StatementOrigin.enter("the load of " + kind
                + " column " + attribute, fix);
                Result result = session.currentConnection().execute(select)) {
            for (@Nullable Object[] values : result.arrays()) {
                row = values;
                break;
            }
        }
        if (row == null) {
            if (!required) {
                return false;
            }
            throw new InvalidRequestException("Cannot read " + attribute.name() + " of " + state.describe()
                    + ": the column is " + kind + ", and the object's row is gone from table "
                    + state.mapper.table().name() + " (deleted by another transaction?); expunge the object or load"
                    + " it again");
        }
        @Nullable Object[] committed = state.committed;
        int column = 0;
        for (int i = load.nextSetBit(0); i >= 0; i = load.nextSetBit(i + 1)) {
            Object value = row[column++];
            attributes.get(i).set(instance, value);
            if (committed != null) {
                committed[i] = value instanceof byte[] bytes ? bytes.clone() : value;
            }
            unloaded.clear(i);
            if (state.expiredColumns != null) {
                state.expiredColumns.clear(i);
            }
        }
        return true;
    }

    /** Whether an object's row is still there: {@code SELECT key FROM table WHERE key = ?}. */
    static boolean rowExists(InstanceState state, DefaultSession session) {
        Attribute[] key = state.mapper.key();
        Expression<?>[] columns = new Expression<?>[key.length];
        for (int i = 0; i < key.length; i++) {
            columns[i] = key[i].column();
        }
        Select select = Sql.select(columns).where(keyEquals(key, java.util.Objects.requireNonNull(state.identity)));
        try (Result result = session.currentConnection().execute(select)) {
            return result.arrays().iterator().hasNext();
        }
    }

    /** {@code key = ?} (with AND for a composite key) for one identity. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate keyEquals(Attribute[] key, Object identity) {
        if (key.length == 1) {
            return ((Column) key[0].column()).eq(identity);
        }
        List<?> values = (List<?>) identity;
        Predicate all = ((Column) key[0].column()).eq(values.get(0));
        for (int i = 1; i < key.length; i++) {
            all = all.and(((Column) key[i].column()).eq(values.get(i)));
        }
        return all;
    }

    /** Whether the flush skips attribute {@code index}: a deferred column never loaded nor written. */
    static boolean skipped(InstanceState state, int index) {
        BitSet unloaded = state.unloadedColumns;
        return unloaded != null && unloaded.get(index);
    }
}
