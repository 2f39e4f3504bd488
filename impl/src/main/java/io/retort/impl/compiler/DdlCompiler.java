package io.retort.impl.compiler;

import io.retort.exception.CompileException;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.CheckConstraint;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.schema.UniqueConstraint;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Renders CREATE and DROP statements for a {@link MetaData} in one dialect: sequences and enum types, tables in
 * foreign-key dependency order, indexes, comments, and foreign keys that close a cycle added with ALTER TABLE
 * after the tables (on SQLite, which cannot alter constraints but accepts references to tables created later,
 * they stay inline). Knows nothing of connections: the caller says what exists already.
 */
public final class DdlCompiler {
    private final Dialect dialect;

    /** A compiler for the dialect. */
    public DdlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * What already exists in the database, for {@code checkFirst}.
     *
     * @param hasTable whether a table exists
     * @param hasSequence whether a sequence exists
     * @param hasEnumType whether an enum type exists (PostgreSQL)
     */
    public record Existing(java.util.function.BiPredicate<@org.jspecify.annotations.Nullable String, String> hasTable,
            Predicate<String> hasSequence, Predicate<String> hasEnumType) {
        /** Nothing exists: everything is created. */
        public static final Existing NOTHING = new Existing((schema, name) -> false, name -> false, name -> false);
        /** Everything exists: everything is dropped. */
        public static final Existing EVERYTHING = new Existing((schema, name) -> true, name -> true, name -> true);
    }

    /** A table's name in DDL: {@code schema.table} for a table in another schema. */
    private String qualified(Table table) {
        return table.schema() == null ? dialect.quote(table.name())
                : dialect.quote(table.schema()) + "." + dialect.quote(table.name());
    }

    /** The table a foreign key refers to, qualified as its definition in the metadata is. */
    private String referred(Table table, ForeignKeyConstraint fk) {
        Table target = table.metadata().tableOrNull(fk.referredTable());
        if (target != null) {
            // SQLite: a foreign key refers to a table of its own database, named without a schema.
            return dialect.schemaOnIndexName() ? dialect.quote(target.name()) : qualified(target);
        }
        return String.join(".", java.util.Arrays.stream(fk.referredTable().split("\\.")).map(dialect::quote).toList());
    }

    /** The statements creating everything in {@code metadata} that does not exist yet. */
    public List<String> createAll(MetaData metadata, Existing existing) {
        MetaData.DependencyOrder order = metadata.dependencyOrder();
        List<String> statements = new ArrayList<>();
        if (dialect.supportsSequences()) {
            for (Sequence sequence : metadata.sequences()) {
                if (!existing.hasSequence().test(sequence.name())) {
                    statements.add("CREATE SEQUENCE " + dialect.quote(sequence.name()) + " START WITH "
                            + sequence.start() + " INCREMENT BY " + sequence.increment());
                }
            }
        } else if (!metadata.sequences().isEmpty()) {
            throw new CompileException(dialect.name() + " has no sequences, but the metadata uses "
                    + metadata.sequences().get(0).name() + "; use an autoincrement column instead");
        }
        if (dialect.createsEnumTypes()) {
            for (EnumType<?> type : metadata.enumTypes()) {
                if (!existing.hasEnumType().test(type.name())) {
                    statements.add("CREATE TYPE " + dialect.quote(type.name()) + " AS ENUM ("
                            + String.join(", ", type.values().stream().map(dialect::literal).toList()) + ")");
                }
            }
        }
        Set<ForeignKeyConstraint> deferred = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (dialect.supportsAlterAddForeignKey()) {
            deferred.addAll(order.deferredForeignKeys());
        }
        List<Table> created = new ArrayList<>();
        for (Table table : order.tables()) {
            if (existing.hasTable().test(table.schema(), table.name())) {
                continue;
            }
            created.add(table);
            statements.add(createTable(table, deferred::contains));
            for (Index index : table.indexes()) {
                statements.add(createIndex(table, index));
            }
            statements.addAll(comments(table));
        }
        for (ForeignKeyConstraint fk : order.deferredForeignKeys()) {
            Table owner = order.owner(fk);
            if (deferred.contains(fk) && created.contains(owner)) {
                statements.add("ALTER TABLE " + qualified(owner) + " ADD "
                        + foreignKey(owner, fk, true));
            }
        }
        return statements;
    }

    /** The statements dropping everything in {@code metadata} that exists. */
    public List<String> dropAll(MetaData metadata, Existing existing) {
        MetaData.DependencyOrder order = metadata.dependencyOrder();
        List<String> statements = new ArrayList<>();
        if (dialect.supportsAlterAddForeignKey()) {
            for (ForeignKeyConstraint fk : order.deferredForeignKeys()) {
                Table owner = order.owner(fk);
                if (existing.hasTable().test(owner.schema(), owner.name())) {
                    statements.add("ALTER TABLE " + qualified(owner) + " "
                            + dialect.typeCompiler().dropForeignKeyAction(dialect.quote(foreignKeyName(owner, fk))));
                }
            }
        }
        List<Table> tables = new ArrayList<>(order.tables());
        java.util.Collections.reverse(tables);
        for (Table table : tables) {
            if (existing.hasTable().test(table.schema(), table.name())) {
                statements.add("DROP TABLE " + qualified(table));
            }
        }
        if (dialect.supportsSequences()) {
            for (Sequence sequence : metadata.sequences()) {
                if (existing.hasSequence().test(sequence.name())) {
                    statements.add("DROP SEQUENCE " + dialect.quote(sequence.name()));
                }
            }
        }
        if (dialect.createsEnumTypes()) {
            for (EnumType<?> type : metadata.enumTypes()) {
                if (existing.hasEnumType().test(type.name())) {
                    statements.add("DROP TYPE " + dialect.quote(type.name()));
                }
            }
        }
        return statements;
    }

    /** {@code CREATE TABLE}, with the foreign keys {@code deferred} accepts left out for a later ALTER TABLE. */
    public String createTable(Table table, Predicate<ForeignKeyConstraint> deferred) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(qualified(table)).append(" (");
        List<String> parts = new ArrayList<>();
        Optional<Column<?>> identity = table.autoincrementColumn();
        for (Column<?> column : table.columns()) {
            parts.add(columnDefinition(column, identity.isPresent() && identity.get() == column));
        }
        table.primaryKey().ifPresent(key -> parts.add(primaryKey(key)));
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            parts.add(constraintName(unique.name()) + "UNIQUE (" + columnList(unique.columns()) + ")");
        }
        for (CheckConstraint check : table.checkConstraints()) {
            parts.add(constraintName(check.name()) + "CHECK (" + check.condition() + ")");
        }
        for (Column<?> column : table.columns()) {
            if (column.type() instanceof EnumType<?>) {
                String condition = dialect.typeCompiler().enumCheck((EnumType<?>) column.type(), dialect.quote(column.name()));
                if (condition != null) {
                    parts.add("CHECK (" + condition + ")");
                }
            }
        }
        for (ForeignKeyConstraint fk : table.foreignKeys()) {
            if (!deferred.test(fk)) {
                parts.add(foreignKey(table, fk, false));
            }
        }
        sql.append("\n\t").append(String.join(",\n\t", parts)).append("\n)");
        return sql.toString();
    }

    private String columnDefinition(Column<?> column, boolean identity) {
        SqlType<?> type = column.type();
        String name = dialect.quote(column.name());
        StringBuilder sql = new StringBuilder(name).append(' ');
        String where = columnName(column);
        if (identity) {
            sql.append(dialect.typeCompiler().identityTypeName(type, where)).append(dialect.typeCompiler().identityClause(type));
        } else {
            sql.append(dialect.typeCompiler().typeName(type, where));
        }
        if (column.sequence() != null) {
            sql.append(" DEFAULT (").append(dialect.typeCompiler().sequenceDefault(dialect.quote(column.sequence().name())))
                    .append(')');
        } else if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(column.serverDefault());
        }
        if (!column.isNullable()) {
            sql.append(" NOT NULL");
        }
        if (column.comment() != null && dialect.inlineColumnComments()) {
            sql.append(" COMMENT ").append(dialect.literal(column.comment()));
        }
        return sql.toString();
    }

    private static String columnName(Column<?> column) {
        return column.toString();
    }

    private String primaryKey(PrimaryKeyConstraint key) {
        return constraintName(key.name()) + "PRIMARY KEY (" + columnList(key.columns()) + ")";
    }

    private String foreignKey(Table table, ForeignKeyConstraint fk, boolean forceName) {
        StringBuilder sql = new StringBuilder();
        if (forceName || fk.name() != null) {
            sql.append("CONSTRAINT ").append(dialect.quote(foreignKeyName(table, fk))).append(' ');
        }
        sql.append("FOREIGN KEY(").append(columnList(fk.columns())).append(") REFERENCES ")
                .append(referred(table, fk)).append(" (").append(columnList(fk.referredColumns()))
                .append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sql.toString();
    }

    /** The foreign key's name, or {@code fk_<table>_<columns>} for an unnamed one that must be named. */
    public static String foreignKeyName(Table table, ForeignKeyConstraint fk) {
        return fk.name() != null ? fk.name() : "fk_" + table.name() + "_" + String.join("_", fk.columns());
    }

    private String constraintName(@Nullable String name) {
        return name == null ? "" : "CONSTRAINT " + dialect.quote(name) + " ";
    }

    private String columnList(Collection<String> columns) {
        return String.join(", ", columns.stream().map(dialect::quote).toList());
    }

    /** {@code CREATE [UNIQUE] INDEX}. */
    public String createIndex(Table table, Index index) {
        if (table.schema() != null && dialect.schemaOnIndexName()) {
            // SQLite: CREATE INDEX schema.ix ON table: the schema names the index's database.
            return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quote(table.schema()) + "."
                    + dialect.quote(index.name()) + " ON " + dialect.quote(table.name()) + " ("
                    + columnList(index.columns()) + ")";
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quote(index.name()) + " ON "
                + qualified(table) + " (" + columnList(index.columns()) + ")";
    }

    private List<String> comments(Table table) {
        List<String> statements = new ArrayList<>();
        if (!dialect.supportsComments() || dialect.inlineColumnComments()) {
            return statements;
        }
        for (Column<?> column : table.columns()) {
            if (column.comment() != null) {
                statements.add("COMMENT ON COLUMN " + qualified(table) + "." + dialect.quote(column.name())
                        + " IS " + dialect.literal(column.comment()));
            }
        }
        return statements;
    }
}
