package io.retort.schema;

import io.retort.exception.InvalidArgumentException;
import io.retort.types.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A table of a {@link MetaData}: its columns, primary key, foreign keys, unique and check constraints, and indexes.
 * Made by {@link MetaData#table}; immutable.
 */
public final class Table implements io.retort.sql.TableReference {
    private final String name;
    private final @Nullable String schema;
    private final MetaData metadata;
    private final List<Column<?>> columns;
    private final Map<String, Column<?>> byName;
    private final @Nullable PrimaryKeyConstraint primaryKey;
    private final List<ForeignKeyConstraint> foreignKeys;
    private final List<UniqueConstraint> uniqueConstraints;
    private final List<CheckConstraint> checkConstraints;
    private final List<Index> indexes;

    Table(@Nullable String schema, String name, MetaData metadata, List<TableElement> elements) {
        if (name == null || name.isEmpty()) {
            throw new InvalidArgumentException("A table needs a non-empty name");
        }
        if (schema != null && schema.isEmpty()) {
            throw new InvalidArgumentException("Table " + name + " has an empty schema name; pass null for the"
                    + " connection's current schema");
        }
        this.name = name;
        this.schema = schema;
        this.metadata = metadata;
        List<Column<?>> boundColumns = new ArrayList<>();
        Map<String, Column<?>> names = new LinkedHashMap<>();
        List<String> keyColumns = new ArrayList<>();
        PrimaryKeyConstraint declaredKey = null;
        List<ForeignKeyConstraint> foreign = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> indexList = new ArrayList<>();
        for (TableElement element : elements) {
            if (element instanceof Column<?>) {
                Column<?> column = ((Column<?>) element).bind(this);
                if (names.putIfAbsent(column.name(), column) != null) {
                    throw new InvalidArgumentException("Table " + name + " has two columns named '" + column.name()
                            + "'; column names must be unique within a table");
                }
                boundColumns.add(column);
                if (column.isPrimaryKey()) {
                    keyColumns.add(column.name());
                }
                foreign.addAll(column.references());
                if (column.isUnique()) {
                    uniques.add(new UniqueConstraint(null, List.of(column.name())));
                }
                if (column.isIndexed()) {
                    indexList.add(new Index("ix_" + name + "_" + column.name(), false, List.of(column.name())));
                }
            } else if (element instanceof PrimaryKeyConstraint) {
                if (declaredKey != null) {
                    throw new InvalidArgumentException("Table " + name + " declares two primary keys");
                }
                declaredKey = (PrimaryKeyConstraint) element;
            } else if (element instanceof ForeignKeyConstraint) {
                foreign.add((ForeignKeyConstraint) element);
            } else if (element instanceof UniqueConstraint) {
                uniques.add((UniqueConstraint) element);
            } else if (element instanceof CheckConstraint) {
                checks.add((CheckConstraint) element);
            } else if (element instanceof Index) {
                indexList.add((Index) element);
            }
        }
        if (boundColumns.isEmpty()) {
            throw new InvalidArgumentException("Table " + name + " has no columns; give it at least one column");
        }
        this.columns = Collections.unmodifiableList(boundColumns);
        this.byName = Collections.unmodifiableMap(names);
        if (declaredKey != null && !keyColumns.isEmpty() && !keyColumns.equals(declaredKey.columns())) {
            throw new InvalidArgumentException("Table " + name + " marks columns " + keyColumns + " as primary key"
                    + " but also declares primaryKey" + declaredKey.columns() + "; use one or the other");
        }
        PrimaryKeyConstraint key = declaredKey != null ? declaredKey
                : keyColumns.isEmpty() ? null : new PrimaryKeyConstraint(null, keyColumns);
        if (key != null) {
            checkColumns("primary key", key.columns());
            if (declaredKey != null) {
                // Columns of a table-level primary key are primary-key columns too.
                for (int i = 0; i < boundColumns.size(); i++) {
                    Column<?> column = boundColumns.get(i);
                    if (key.columns().contains(column.name()) && !column.isPrimaryKey()) {
                        Column<?> keyed = column.unbindForKey().bind(this);
                        boundColumns.set(i, keyed);
                        names.put(column.name(), keyed);
                    }
                }
            }
        }
        this.primaryKey = key;
        for (ForeignKeyConstraint fk : foreign) {
            checkColumns("foreign key to " + fk.referredTable(), fk.columns());
        }
        for (UniqueConstraint unique : uniques) {
            checkColumns("unique constraint", unique.columns());
        }
        for (Index index : indexList) {
            checkColumns("index " + index.name(), index.columns());
        }
        this.foreignKeys = List.copyOf(foreign);
        this.uniqueConstraints = List.copyOf(uniques);
        this.checkConstraints = List.copyOf(checks);
        this.indexes = List.copyOf(indexList);
    }

    private void checkColumns(String what, List<String> names) {
        for (String column : names) {
            if (!byName.containsKey(column)) {
                throw new InvalidArgumentException("The " + what + " of table " + name + " names column '" + column
                        + "', which the table does not have; its columns are " + byName.keySet());
            }
        }
    }

    /** The table's name. */
    public String name() {
        return name;
    }

    /** The schema the table is in, or null for the connection's current schema. */
    @Override
    public @Nullable String schema() {
        return schema;
    }

    /** The metadata the table belongs to. */
    public MetaData metadata() {
        return metadata;
    }

    /** The columns, in declaration order. */
    public List<Column<?>> columns() {
        return columns;
    }

    /**
     * The column with this name, for use in statements: {@code users.c("name").eq("spongebob")}. Its values are
     * typed as {@code Object}; use {@link #c(String, Class)} for a typed column.
     *
     * @throws InvalidArgumentException if there is none; the message lists the columns
     */
    @SuppressWarnings("unchecked")
    public Column<Object> c(String columnName) {
        return (Column<Object>) column(columnName);
    }

    /**
     * The column with this name, typed: {@code users.c("id", Integer.class).gt(5)}.
     *
     * @throws InvalidArgumentException if there is none, or its type holds other values than {@code javaType}
     */
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(String columnName, Class<T> javaType) {
        Column<?> column = column(columnName);
        if (!javaType.isAssignableFrom(column.type().javaType())) {
            throw new InvalidArgumentException("Column " + column + " holds " + column.type().javaType().getName()
                    + " values, not " + javaType.getName());
        }
        return (Column<T>) column;
    }

    @Override
    public List<io.retort.sql.ForeignKeyReference> foreignKeyReferences() {
        return foreignKeys.stream().map(fk -> new io.retort.sql.ForeignKeyReference(fk.columns(), fk.referredTable(),
                fk.referredColumns())).toList();
    }

    @Override
    public List<Column<?>> columnReferences() {
        return columns;
    }

    @Override
    public Column<?> columnReference(String columnName) {
        return column(columnName);
    }

    private Column<?> column(String columnName) {
        Column<?> column = byName.get(columnName);
        if (column == null) {
            throw new InvalidArgumentException("Table " + name + " has no column '" + columnName + "'; its columns"
                    + " are " + byName.keySet());
        }
        return column;
    }

    /** Whether the table has a column with this name. */
    public boolean hasColumn(String columnName) {
        return byName.containsKey(columnName);
    }

    /** The primary key, if the table has one. */
    public Optional<PrimaryKeyConstraint> primaryKey() {
        return Optional.ofNullable(primaryKey);
    }

    /** The primary-key columns, in key order (empty if none). */
    public List<Column<?>> primaryKeyColumns() {
        List<Column<?>> key = new ArrayList<>();
        if (primaryKey != null) {
            for (String column : primaryKey.columns()) {
                key.add(byName.get(column));
            }
        }
        return key;
    }

    /**
     * The column whose values the database generates: the single integer primary-key column, unless it was marked
     * {@code autoincrement(false)}, takes its values from a sequence, or refers to another table (as SQLAlchemy's
     * {@code autoincrement="auto"}); or a column marked {@code autoincrement(true)}.
     */
    public Optional<Column<?>> autoincrementColumn() {
        for (Column<?> column : columns) {
            if (Boolean.TRUE.equals(column.autoincrementSetting())) {
                return Optional.of(column);
            }
        }
        List<Column<?>> key = primaryKeyColumns();
        if (key.size() != 1) {
            return Optional.empty();
        }
        Column<?> column = key.get(0);
        if (column.autoincrementSetting() != null || column.sequence() != null || !column.references().isEmpty()
                || column.serverDefault() != null) {
            return Optional.empty();
        }
        TypeKind kind;
        try {
            kind = column.type().kind();
        } catch (io.retort.exception.InvalidRequestException e) {
            return Optional.empty();
        }
        return kind == TypeKind.INTEGER || kind == TypeKind.BIGINT || kind == TypeKind.SMALLINT
                ? Optional.of(column) : Optional.empty();
    }

    /** The foreign keys, column-level and table-level. */
    public List<ForeignKeyConstraint> foreignKeys() {
        return foreignKeys;
    }

    /** The unique constraints, column-level and table-level. */
    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    /** The check constraints. */
    public List<CheckConstraint> checkConstraints() {
        return checkConstraints;
    }

    /** The indexes, column-level and table-level. */
    public List<Index> indexes() {
        return indexes;
    }

    /** The names of the tables this one refers to through foreign keys (itself included if self-referencing). */
    public Set<String> referredTables() {
        Set<String> referred = new LinkedHashSet<>();
        for (ForeignKeyConstraint fk : foreignKeys) {
            referred.add(fk.referredTable());
        }
        return referred;
    }

    @Override
    public String toString() {
        return "Table(" + (schema == null ? "" : schema + ".") + name + ", " + byName.keySet() + ")";
    }
}
