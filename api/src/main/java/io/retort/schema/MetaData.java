package io.retort.schema;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.EnumType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of tables (and sequences) that belong together, as SQLAlchemy's {@code MetaData}: define tables with
 * {@link #table}, create them with {@link #createAll}, drop them with {@link #dropAll}.
 *
 * <p>Thread-safe. Tables are immutable once added; foreign keys name their target table and are resolved against
 * this collection when needed, so tables may be added in any order.
 */
public final class MetaData {
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final @Nullable String schema;

    /** An empty collection whose tables are in the connection's current schema. */
    public MetaData() {
        this.schema = null;
    }

    /**
     * An empty collection whose tables are in {@code schema} unless they name another, as SQLAlchemy's
     * {@code MetaData(schema=...)}: statements and DDL name them {@code schema.table} (on MySQL and MariaDB a schema is
     * a database; on SQLite, an attached database).
     */
    public MetaData(String schema) {
        if (schema == null || schema.isEmpty()) {
            throw new InvalidArgumentException("A MetaData schema needs a non-empty name; use new MetaData() for the"
                    + " connection's current schema");
        }
        this.schema = schema;
    }

    /** The schema of this collection's tables, or null for the connection's current schema. */
    public @Nullable String schema() {
        return schema;
    }

    /** The key of a table in this collection: {@code schema.name}, or its name without a schema. */
    static String key(@Nullable String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * The key of the table a foreign key names: {@code "table"} or {@code "schema.table"}; an unqualified name is
     * looked for in this collection's schema too.
     */
    private String resolve(String referred) {
        if (!tables.containsKey(referred) && schema != null && tables.containsKey(schema + "." + referred)) {
            return schema + "." + referred;
        }
        return referred;
    }

    /**
     * Defines a table from columns, constraints and indexes, and adds it.
     *
     * <pre>{@code
     * Table users = metadata.table("user_account",
     *         column("id", INTEGER).primaryKey(),
     *         column("name", string(30)));
     * }</pre>
     *
     * @throws InvalidArgumentException if a table of that name exists, or the definition is inconsistent
     */
    public Table table(String name, TableElement... elements) {
        return table(schema, name, elements);
    }

    /**
     * Defines a table in another schema: {@code metadata.table("reporting", "daily_totals", ...)} is named
     * {@code reporting.daily_totals} in statements and DDL; look it up as {@code getTable("reporting.daily_totals")}.
     *
     * @throws InvalidArgumentException if a table of that name exists in that schema, or the definition is
     *     inconsistent
     */
    public Table table(@Nullable String schema, String name, TableElement... elements) {
        Table table = new Table(schema, name, this, List.of(elements));
        String key = key(schema, name);
        synchronized (this) {
            if (tables.containsKey(key)) {
                throw new InvalidArgumentException("Table '" + key + "' is already defined in this MetaData;"
                        + " look it up with getTable(\"" + key + "\") instead of defining it again");
            }
            tables.put(key, table);
        }
        return table;
    }

    /**
     * Adds a table defined elsewhere (the ORM's mapped tables belong to their classes and are shared by every
     * registry that lists them); the table's {@link Table#metadata()} stays the one that defined it. Adding the same
     * table twice does nothing.
     *
     * @throws InvalidArgumentException if another table of that name is in this collection
     */
    public synchronized Table add(Table table) {
        Table existing = tables.putIfAbsent(key(table.schema(), table.name()), table);
        if (existing != null && existing != table) {
            throw new InvalidArgumentException("Table '" + table.name() + "' is already defined in this MetaData by"
                    + " another definition; two tables cannot share a name");
        }
        return table;
    }

    /** Adds a sequence, created and dropped with the tables. */
    public synchronized Sequence sequence(String name) {
        return addSequence(new Sequence(name, 1, 1));
    }

    /** Adds a sequence with a start and an increment. */
    public synchronized Sequence addSequence(Sequence sequence) {
        Sequence existing = sequences.putIfAbsent(sequence.name(), sequence);
        if (existing != null && !existing.equals(sequence)) {
            throw new InvalidArgumentException("Sequence '" + sequence.name() + "' is already defined differently");
        }
        return sequence;
    }

    /**
     * The table with this name.
     *
     * @throws InvalidArgumentException if there is none; the message lists the tables
     */
    public synchronized Table getTable(String name) {
        Table table = tables.get(resolve(name));
        if (table == null) {
            throw new InvalidArgumentException("No table '" + name + "' in this MetaData; its tables are "
                    + tables.keySet());
        }
        return table;
    }

    /** The table with this name, or {@code null}. */
    public synchronized @Nullable Table tableOrNull(String name) {
        return tables.get(resolve(name));
    }

    /** The tables, in the order they were added. */
    public synchronized List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** The sequences: those added with {@link #sequence} and those columns take defaults from. */
    public synchronized List<Sequence> sequences() {
        Set<Sequence> all = new LinkedHashSet<>(sequences.values());
        for (Table table : tables.values()) {
            for (Column<?> column : table.columns()) {
                if (column.sequence() != null) {
                    all.add(column.sequence());
                }
            }
        }
        return List.copyOf(all);
    }

    /** The distinct enum types the columns use (PostgreSQL creates them as types before the tables). */
    public synchronized List<EnumType<?>> enumTypes() {
        Map<String, EnumType<?>> found = new LinkedHashMap<>();
        for (Table table : tables.values()) {
            for (Column<?> column : table.columns()) {
                if (column.type() instanceof EnumType<?>) {
                    EnumType<?> type = (EnumType<?>) column.type();
                    found.putIfAbsent(type.name(), type);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The tables ordered so that every table comes after the tables it refers to, and the foreign keys that had to
     * be left out of that order because they close a cycle (they are added after the tables are created).
     *
     * @throws InvalidArgumentException if a foreign key refers to a table that is not in this MetaData
     */
    public synchronized DependencyOrder dependencyOrder() {
        for (Table table : tables.values()) {
            for (ForeignKeyConstraint fk : table.foreignKeys()) {
                Table target = tables.get(resolve(fk.referredTable()));
                if (target == null) {
                    throw new InvalidArgumentException("The foreign key " + table.name() + fk.columns()
                            + " refers to table '" + fk.referredTable() + "', which is not in this MetaData;"
                            + " define it, or reflect it, in the same MetaData");
                }
                for (String column : fk.referredColumns()) {
                    if (!target.hasColumn(column)) {
                        throw new InvalidArgumentException("The foreign key " + table.name() + fk.columns()
                                + " refers to column '" + column + "' of table " + target.name()
                                + ", which has no such column; its columns are "
                                + target.columns().stream().map(Column::name).toList());
                    }
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<Table> remaining = new ArrayList<>(tables.values());
        List<ForeignKeyConstraint> deferred = new ArrayList<>();
        Set<ForeignKeyConstraint> ignored = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!remaining.isEmpty()) {
            Table ready = null;
            for (Table table : remaining) {
                if (dependenciesPlaced(table, placed, ignored)) {
                    ready = table;
                    break;
                }
            }
            if (ready == null) {
                // A cycle. Walk unplaced dependencies from the first remaining table until a table repeats; the
                // foreign keys from the last table of the walk to the repeated one close the cycle: defer them.
                List<Table> path = new ArrayList<>();
                Table current = remaining.get(0);
                while (!path.contains(current)) {
                    path.add(current);
                    current = firstUnplacedDependency(current, placed, ignored);
                }
                Table closing = path.get(path.size() - 1);
                for (ForeignKeyConstraint fk : closing.foreignKeys()) {
                    if (resolve(fk.referredTable()).equals(key(current.schema(), current.name()))
                            && !ignored.contains(fk)) {
                        ignored.add(fk);
                        deferred.add(fk);
                    }
                }
                continue;
            }
            ordered.add(ready);
            placed.add(key(ready.schema(), ready.name()));
            remaining.remove(ready);
        }
        return new DependencyOrder(ordered, deferred);
    }

    private Table firstUnplacedDependency(Table table, Set<String> placed, Set<ForeignKeyConstraint> ignored) {
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            String referred = resolve(fk.referredTable());
            if (!referred.equals(key(table.schema(), table.name())) && !ignored.contains(fk)
                    && !placed.contains(referred)) {
                Table dependency = tables.get(referred);
                if (dependency != null) { // dependencyOrder() has checked that every referred table is here
                    return dependency;
                }
            }
        }
        throw new IllegalStateException("unreachable: " + table.name() + " has no unplaced dependency");
    }

    private boolean dependenciesPlaced(Table table, Set<String> placed, Set<ForeignKeyConstraint> ignored) {
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            String referred = resolve(fk.referredTable());
            if (!referred.equals(key(table.schema(), table.name())) && !ignored.contains(fk)
                    && !placed.contains(referred)) {
                return false;
            }
        }
        return true;
    }

    /** Tables in dependency order, and the foreign keys deferred to break cycles. */
    public record DependencyOrder(List<Table> tables, List<ForeignKeyConstraint> deferredForeignKeys) {
        /** Copies the lists. */
        public DependencyOrder {
            tables = List.copyOf(tables);
            deferredForeignKeys = List.copyOf(deferredForeignKeys);
        }

        /** The table that declares a deferred foreign key. */
        public Table owner(ForeignKeyConstraint fk) {
            for (Table table : tables) {
                for (ForeignKeyConstraint candidate : table.foreignKeys()) {
                    if (candidate == fk) {
                        return table;
                    }
                }
            }
            throw new InvalidArgumentException("No table declares " + fk);
        }
    }

    /** Creates every table (and sequence, enum type, index) that does not exist yet, as SQLAlchemy's default. */
    public void createAll(SchemaExecutor executor) {
        executor.createAll(this, true);
    }

    /** Creates everything; with {@code checkFirst=false} an existing table is an error. */
    public void createAll(SchemaExecutor executor, boolean checkFirst) {
        executor.createAll(this, checkFirst);
    }

    /** Drops every table that exists, children before parents. */
    public void dropAll(SchemaExecutor executor) {
        executor.dropAll(this, true);
    }

    /** Drops everything; with {@code checkFirst=false} a missing table is an error. */
    public void dropAll(SchemaExecutor executor, boolean checkFirst) {
        executor.dropAll(this, checkFirst);
    }

    @Override
    public synchronized String toString() {
        return "MetaData(" + tables.keySet() + ")";
    }
}
