package io.retort.impl.engine;

import io.retort.engine.Row;
import io.retort.impl.dialect.ColumnReader;
import io.retort.impl.dialect.Dialect;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.Assignment;
import io.retort.sql.BindParameter;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.types.SqlType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The primary key of the row a single-row INSERT inserted ({@link io.retort.engine.Result#insertedPrimaryKey()}), as
 * SQLAlchemy's {@code inserted_primary_key}: the key values the statement gives, and the ones the database generates,
 * read with {@code RETURNING} where the dialect has INSERT ... RETURNING and as JDBC generated keys elsewhere.
 * Stateless.
 */
final class InsertedKeys {
    private InsertedKeys() {
    }

    /** Runs a single INSERT and attaches its inserted primary key, or the reason there is none, to the result. */
    static DefaultResult execute(StatementExecutor executor, Dialect dialect, Insert insert,
            Map<String, ? extends @Nullable Object> parameters, int fetchSize) {
        List<List<Assignment>> insertRows = insert.rows(); // made anew at each call: asked once
        String reason = reasonForNoKey(insert, insertRows);
        if (reason != null) {
            return executor.executeOnce(insert, parameters, fetchSize, null).withoutPrimaryKey(reason);
        }
        List<Column<?>> key = ((Table) insert.table()).primaryKeyColumns();
        Insert statement = withComputedKeys(insert, insertRows.get(0), key);
        List<Assignment> row = statement == insert ? insertRows.get(0) : statement.rows().get(0);
        @Nullable Object[] values = new Object[key.size()];
        List<Column<?>> generated = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            Expression<?> given = valueOf(row, key.get(i).name());
            if (given instanceof BindParameter<?> bind && !bind.isExpanding()) {
                values[i] = bind.name() != null && parameters.containsKey(bind.name()) ? parameters.get(bind.name())
                        : bind.value();
            } else {
                generated.add(key.get(i)); // not given, or an expression the database evaluates
            }
        }
        DefaultResult result;
        @Nullable Object[] read = new Object[generated.size()];
        if (generated.isEmpty()) {
            result = executor.executeOnce(statement, parameters, fetchSize, null);
        } else if (dialect.supportsReturning("INSERT")) {
            DefaultResult returned = executor.executeOnce(statement.returning(generated.toArray(new Expression<?>[0])),
                    parameters, fetchSize, null);
            List<Row> rows = returned.all();
            if (!rows.isEmpty()) {
                for (int i = 0; i < read.length; i++) {
                    read[i] = rows.get(0).get(i);
                }
            }
            result = new DefaultResult(rows.size());
        } else {
            String[] names = new String[generated.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = generated.get(i).name();
            }
            result = executor.executeOnce(statement, parameters, fetchSize, names);
            Row keys = result.insertedPrimaryKey();
            for (int i = 0; i < read.length; i++) {
                read[i] = keys.get(i);
            }
        }
        for (int i = 0, g = 0; i < values.length; i++) {
            if (generated.contains(key.get(i))) {
                values[i] = read[g++];
            }
        }
        List<String> names = new ArrayList<>(key.size());
        for (Column<?> column : key) {
            names.add(column.name());
        }
        return result.withInsertedPrimaryKey(new DefaultRow(new Columns(names), values));
    }

    /** Why an INSERT has no single inserted primary key, or null if it has one. */
    private static @Nullable String reasonForNoKey(Insert insert, List<List<Assignment>> rows) {
        String start = "insertedPrimaryKey() applies to a single-row insert(table).values(...)";
        if (insert.fromQuery() != null) {
            return start + "; this was an INSERT ... SELECT, which may insert any number of rows";
        }
        if (rows.size() != 1) {
            return start + "; this was a multi-row VALUES insert of " + rows.size() + " rows: add"
                    + " returning(<key columns>) to read each row's key";
        }
        if (!insert.returningClause().isEmpty()) {
            return start + " without returning(...): this insert has RETURNING, so read the key from its rows";
        }
        if (!(insert.table() instanceof Table table) || table.primaryKeyColumns().isEmpty()) {
            return start + "; table " + insert.table().name() + " has no primary key";
        }
        return null;
    }

    /**
     * The insert with each key column's client-side default computed now, so that the key reported is the value
     * bound, not a second computation.
     */
    private static Insert withComputedKeys(Insert insert, List<Assignment> row, List<Column<?>> key) {
        boolean computedKey = false;
        for (Column<?> column : key) {
            computedKey |= valueOf(row, column.name()) instanceof BindParameter<?> bind && bind.isComputed();
        }
        if (!computedKey) {
            return insert;
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (Assignment assignment : row) {
            String name = assignment.column().name();
            boolean isKey = key.stream().anyMatch(column -> column.name().equals(name));
            if (assignment.value() instanceof BindParameter<?> bind && bind.isComputed()) {
                if (isKey) {
                    values.put(name, BindParameter.of((SqlType<?>) bind.type(), bind.value()));
                } // another column's default is added again by the insert
            } else {
                values.put(name, assignment.value());
            }
        }
        return values.isEmpty() ? insert : insert.values(values);
    }

    private static @Nullable Expression<?> valueOf(List<Assignment> row, String column) {
        for (Assignment assignment : row) {
            if (assignment.column().name().equals(column)) {
                return assignment.value();
            }
        }
        return null;
    }

    /** The generated key columns a driver returned for one inserted row; nulls where no row was inserted. */
    static @Nullable Object[] read(ResultSet keys, List<SqlType<?>> types, Dialect dialect, String sql)
            throws SQLException {
        @Nullable Object[] values = new Object[types.size()];
        if (keys.getMetaData().getColumnCount() < types.size()) {
            throw new io.retort.exception.InvalidRequestException(dialect.name() + " returned "
                    + keys.getMetaData().getColumnCount() + " generated key column(s) for an insert whose primary"
                    + " key has " + types.size() + " columns the statement does not give; " + dialect.name()
                    + " returns only an AUTO_INCREMENT value: give the other key values in values(...)\n[SQL: "
                    + sql + "]");
        }
        ColumnReader[] readers = RowCursor.readers(types.toArray(new SqlType<?>[0]), dialect);
        if (keys.next()) {
            values = RowCursor.readValues(keys, readers);
        }
        return values;
    }

    /** The types of the key columns named. */
    static List<SqlType<?>> types(Table table, String[] names) {
        List<SqlType<?>> types = new ArrayList<>(names.length);
        for (String name : names) {
            types.add(table.columnReference(name).type());
        }
        return types;
    }
}
