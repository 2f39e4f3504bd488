package io.retort.impl.engine;

import io.retort.engine.Inspector;
import io.retort.engine.ReflectedColumn;
import io.retort.exception.InvalidArgumentException;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReferentialAction;
import io.retort.schema.UniqueConstraint;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Inspector} reading JDBC's {@link DatabaseMetaData}, with the dialect's help for what JDBC does not say
 * (sequences, enum types, unique constraints, implicit indexes, type names). Not thread-safe: used with its
 * connection. Each read takes the Connection's current JDBC connection, so an inspector outlives an invalidation and
 * the reconnect after it.
 */
final class JdbcInspector implements Inspector {
    private final Dialect dialect;
    private final DefaultConnection connection;
    /** The schema looked at, or null for the connection's current one. */
    private final @Nullable String otherSchema;

    JdbcInspector(DefaultConnection connection, Dialect dialect) {
        this(connection, dialect, null);
    }

    private JdbcInspector(DefaultConnection connection, Dialect dialect, @Nullable String otherSchema) {
        this.connection = connection;
        this.dialect = dialect;
        this.otherSchema = otherSchema;
    }

    @Override
    public Inspector inSchema(String schema) {
        return new JdbcInspector(connection, dialect, java.util.Objects.requireNonNull(schema, "schema"));
    }

    @Override
    public @Nullable String schema() {
        return otherSchema;
    }

    /**
     * The JDBC connection for a catalog query, which reads as a SELECT does: in the connection's transaction, begun if
     * needed, so that close() or rollback() ends it (or before the transaction, in auto-commit, as a deferred read).
     */
    private java.sql.Connection jdbcToRead() {
        connection.autobegin(true);
        return connection.jdbc();
    }

    private interface SqlWork<T> {
        T run(DatabaseMetaData metaData, @Nullable String catalog, @Nullable String schema) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try {
            java.sql.Connection jdbc = jdbcToRead();
            DatabaseMetaData metaData = jdbc.getMetaData();
            String catalog = jdbc.getCatalog();
            String schema = jdbc.getSchema();
            if (otherSchema != null) {
                switch (dialect.schemaLookup()) {
                    case CATALOG: // MySQL: a schema is a database, JDBC's catalog
                        catalog = otherSchema;
                        schema = null;
                        break;
                    case SCHEMA:
                        schema = dialect.reflection().denormalizeName(otherSchema);
                        break;
                    default: // SQLite: the main database only
                        if (!otherSchema.equals("main")) {
                            // Reading "main" for another schema would answer for the wrong tables (createAll with
                            // checkFirst would skip a table of the other schema because main has one of that name).
                            throw new io.retort.exception.InvalidRequestException("Inspecting schema '" + otherSchema
                                    + "' is not supported on " + dialect.name() + ", which inspects its main database"
                                    + " only; attach no other database for Retort to inspect, or use the main one");
                        }
                        break;
                }
            }
            return work.run(metaData, catalog, schema);
        } catch (SQLException e) {
            throw connection.translate(e, "-- inspect " + what, List.of());
        }
    }

    /**
     * A LIKE pattern that matches {@code name} and names that differ from it only where it has a LIKE wildcard or
     * the driver's escape character: each of those becomes {@code _} (any one character). Callers keep only the rows
     * whose name equals {@code name}. Escaping instead depends on how each driver quotes the pattern: MariaDB's lost
     * a name with a backslash, so dropAll skipped its table.
     */
    private static String escape(DatabaseMetaData metaData, String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        StringBuilder pattern = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean special = c == '_' || c == '%' || c == '\\' || escape != null && escape.indexOf(c) >= 0;
            pattern.append(special ? '_' : c);
        }
        return pattern.toString();
    }

    /**
     * The schema as a pattern for the metadata methods that take one ({@code getTables}, {@code getColumns}): its
     * wildcards match any character ({@link #escape}), and {@link #inSchema} keeps the rows of the schema itself, so
     * that schema {@code a_b} does not answer for the tables of {@code axb}.
     */
    private static @Nullable String schemaPattern(DatabaseMetaData metaData, @Nullable String schema)
            throws SQLException {
        return schema == null ? null : escape(metaData, schema);
    }

    /** Whether a row of {@code getTables} or {@code getColumns} is of the schema asked for (any, when null). */
    private static boolean inSchema(ResultSet rows, @Nullable String schema) throws SQLException {
        return schema == null || schema.equals(rows.getString("TABLE_SCHEM"));
    }

    private String stored(String table) {
        return dialect.reflection().denormalizeName(table);
    }

    @Override
    public List<String> tableNames() {
        return read("tables", (metaData, catalog, schema) -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = metaData.getTables(catalog, schemaPattern(metaData, schema), "%",
                    new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    if (!name.startsWith("sqlite_") && inSchema(rows, schema)) {
                        names.add(dialect.reflection().normalizeName(name));
                    }
                }
            }
            names.sort(null);
            return names;
        });
    }

    @Override
    public boolean hasTable(String table) {
        return read("table " + table, (metaData, catalog, schema) -> {
            try (ResultSet rows = metaData.getTables(catalog, schemaPattern(metaData, schema),
                    escape(metaData, stored(table)), new String[] {"TABLE"})) {
                while (rows.next()) {
                    if (rows.getString("TABLE_NAME").equals(stored(table)) && inSchema(rows, schema)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    @Override
    public boolean hasSequence(String sequence) {
        return count(dialect.reflection().sequenceExistsQuery(), stored(sequence)) > 0;
    }

    @Override
    public boolean hasEnumType(String type) {
        return count(dialect.reflection().enumTypeExistsQuery(), type) > 0;
    }

    private long count(@Nullable String query, String parameter) {
        if (query == null) {
            return 0;
        }
        try (PreparedStatement statement = jdbcToRead().prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw connection.translate(e, query, List.of(Map.of("name", parameter)));
        }
    }

    private void checkTable(String table) {
        if (!hasTable(table)) {
            throw new InvalidArgumentException("No table '" + table + "' in the database; its tables are "
                    + tableNames());
        }
    }

    @Override
    public List<ReflectedColumn> columns(String table) {
        checkTable(table);
        return read("columns of " + table, (metaData, catalog, schema) -> {
            TreeMap<Integer, ReflectedColumn> columns = new TreeMap<>();
            try (ResultSet rows = metaData.getColumns(catalog, schemaPattern(metaData, schema),
                    escape(metaData, stored(table)), "%")) {
                while (rows.next()) {
                    if (!rows.getString("TABLE_NAME").equals(stored(table)) || !inSchema(rows, schema)) {
                        continue;
                    }
                    String typeName = rows.getString("TYPE_NAME");
                    int size = rows.getInt("COLUMN_SIZE");
                    int scale = rows.getInt("DECIMAL_DIGITS");
                    String serverDefault = rows.getString("COLUMN_DEF");
                    String autoincrement = rows.getString("IS_AUTOINCREMENT");
                    boolean generated = "YES".equalsIgnoreCase(autoincrement)
                            || serverDefault != null && serverDefault.startsWith("nextval(");
                    columns.put(rows.getInt("ORDINAL_POSITION"), new ReflectedColumn(
                            dialect.reflection().normalizeName(rows.getString("COLUMN_NAME")),
                            dialect.reflection().reflectType(rows.getInt("DATA_TYPE"), typeName, size, scale), typeName,
                            rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            generated ? null : serverDefault, generated, emptyToNull(rows.getString("REMARKS"))));
                }
            }
            return List.copyOf(columns.values());
        });
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public Optional<PrimaryKeyConstraint> primaryKey(String table) {
        checkTable(table);
        return read("primary key of " + table, (metaData, catalog, schema) -> {
            TreeMap<Integer, String> columns = new TreeMap<>();
            String name = null;
            try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, stored(table))) {
                while (rows.next()) {
                    columns.put(rows.getInt("KEY_SEQ"), dialect.reflection().normalizeName(rows.getString("COLUMN_NAME")));
                    name = rows.getString("PK_NAME");
                }
            }
            return columns.isEmpty() ? Optional.empty()
                    : Optional.of(new PrimaryKeyConstraint(name == null ? null : dialect.reflection().normalizeName(name),
                            List.copyOf(columns.values())));
        });
    }

    @Override
    public List<ForeignKeyConstraint> foreignKeys(String table) {
        checkTable(table);
        return read("foreign keys of " + table, (metaData, catalog, schema) -> {
            // Grouped by constraint name, or by referred table and position for drivers that give no names.
            Map<String, List<String[]>> groups = new LinkedHashMap<>();
            Map<String, short[]> rules = new LinkedHashMap<>();
            try (ResultSet rows = metaData.getImportedKeys(catalog, schema, stored(table))) {
                int unnamed = 0;
                while (rows.next()) {
                    String name = rows.getString("FK_NAME");
                    int sequence = rows.getInt("KEY_SEQ");
                    String key = name != null && !name.isEmpty() ? name
                            : rows.getString("PKTABLE_NAME") + "#" + (sequence == 1 ? ++unnamed : unnamed);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
                        rows.getString("FKCOLUMN_NAME"), rows.getString("PKTABLE_NAME"),
                        rows.getString("PKCOLUMN_NAME"), String.valueOf(sequence)});
                    rules.put(key, new short[] {rows.getShort("DELETE_RULE"), rows.getShort("UPDATE_RULE")});
                }
            }
            List<ForeignKeyConstraint> keys = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> group : groups.entrySet()) {
                List<String[]> parts = group.getValue();
                parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[3]), Integer.parseInt(b[3])));
                List<String> columns = new ArrayList<>();
                List<String> referred = new ArrayList<>();
                for (String[] part : parts) {
                    columns.add(dialect.reflection().normalizeName(part[0]));
                    referred.add(dialect.reflection().normalizeName(part[2]));
                }
                String name = group.getKey().contains("#") ? null : dialect.reflection().normalizeName(group.getKey());
                short[] rule = rules.get(group.getKey());
                if (rule == null) { // both maps are filled from the same rows
                    throw new IllegalStateException("No ON DELETE/ON UPDATE rule was read for " + group.getKey());
                }
                keys.add(new ForeignKeyConstraint(name, columns, dialect.reflection().normalizeName(parts.get(0)[1]), referred,
                        dialect.reflection().reflectedAction(action(rule[0])), dialect.reflection().reflectedAction(action(rule[1]))));
            }
            return keys;
        });
    }

    private static ReferentialAction action(short rule) {
        switch (rule) {
            case DatabaseMetaData.importedKeyCascade:
                return ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull:
                return ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault:
                return ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict:
                return ReferentialAction.RESTRICT;
            default:
                return ReferentialAction.NO_ACTION;
        }
    }

    @Override
    public List<UniqueConstraint> uniqueConstraints(String table) {
        checkTable(table);
        String query = dialect.reflection().uniqueConstraintsQuery();
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        if (query != null) {
            try (PreparedStatement statement = jdbcToRead().prepareStatement(query)) {
                statement.setString(1, stored(table));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        constraints.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                                .add(dialect.reflection().normalizeName(rows.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw connection.translate(e, query, List.of(Map.of("table", stored(table))));
            }
        } else {
            // SQLite: unique constraints are the automatic unique indexes (origin 'u').
            for (Map.Entry<String, IndexInfo> index : rawIndexes(table).entrySet()) {
                if (index.getValue().unique && index.getKey().startsWith("sqlite_autoindex_")
                        && !primaryKey(table).map(k -> k.columns().equals(index.getValue().columns)).orElse(false)) {
                    constraints.put(index.getKey(), index.getValue().columns);
                }
            }
        }
        List<UniqueConstraint> result = new ArrayList<>();
        constraints.forEach((name, columns) -> result.add(new UniqueConstraint(
                name.startsWith("sqlite_autoindex_") ? null : dialect.reflection().normalizeName(name), columns)));
        return result;
    }

    private static final class IndexInfo {
        final boolean unique;
        final List<String> columns = new ArrayList<>();

        IndexInfo(boolean unique) {
            this.unique = unique;
        }
    }

    private Map<String, IndexInfo> rawIndexes(String table) {
        return read("indexes of " + table, (metaData, catalog, schema) -> {
            Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
            Map<String, IndexInfo> indexes = new LinkedHashMap<>();
            try (ResultSet rows = metaData.getIndexInfo(catalog, schema, stored(table), false, true)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                        continue;
                    }
                    indexes.computeIfAbsent(name, k -> {
                        try {
                            return new IndexInfo(!rows.getBoolean("NON_UNIQUE"));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    columns.computeIfAbsent(name, k -> new TreeMap<>()).put(rows.getInt("ORDINAL_POSITION"),
                            dialect.reflection().normalizeName(rows.getString("COLUMN_NAME")));
                }
            }
            indexes.forEach((name, info) -> {
                TreeMap<Integer, String> indexColumns = columns.get(name);
                if (indexColumns != null) { // an index on expressions only names no column
                    info.columns.addAll(indexColumns.values());
                }
            });
            return indexes;
        });
    }

    @Override
    public List<Index> indexes(String table) {
        checkTable(table);
        List<String> keyColumns = primaryKey(table).map(PrimaryKeyConstraint::columns).orElse(List.of());
        Set<List<String>> uniqueColumns = new HashSet<>();
        Set<String> uniqueNames = new HashSet<>();
        for (UniqueConstraint unique : uniqueConstraints(table)) {
            uniqueColumns.add(unique.columns());
            if (unique.name() != null) {
                uniqueNames.add(dialect.reflection().denormalizeName(unique.name()));
            }
        }
        Set<List<String>> foreignKeyColumns = new HashSet<>();
        for (ForeignKeyConstraint fk : foreignKeys(table)) {
            foreignKeyColumns.add(fk.columns());
        }
        List<Index> result = new ArrayList<>();
        for (Map.Entry<String, IndexInfo> entry : rawIndexes(table).entrySet()) {
            String name = entry.getKey();
            IndexInfo info = entry.getValue();
            boolean backsKey = info.unique && info.columns.equals(keyColumns);
            boolean backsUnique = info.unique && (uniqueNames.contains(name) || uniqueColumns.contains(info.columns)
                    && dialect.reflection().isImplicitIndex(name, info.columns, foreignKeyColumns));
            if (backsKey || backsUnique || uniqueNames.contains(name)
                    || dialect.reflection().isImplicitIndex(name, info.columns, foreignKeyColumns)) {
                continue;
            }
            result.add(new Index(dialect.reflection().normalizeName(name), info.unique, info.columns));
        }
        return result;
    }
}
