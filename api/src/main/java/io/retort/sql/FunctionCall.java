package io.retort.sql;

import io.retort.types.SqlType;
import java.util.List;

/**
 * {@code name(arguments...)} with a result type, made by {@link Sql#count()} and {@link Sql#function}.
 *
 * @param name the SQL function name
 * @param arguments the arguments; {@code count()} with none renders {@code count(*)}
 * @param type the result type
 * @param <T> the Java type of the result
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type) implements Expression<T> {
    /** A name is an identifier, optionally schema-qualified: it is written into the SQL as is, never bound. */
    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");

    /**
     * Copies the arguments and checks the name.
     *
     * @throws io.retort.exception.InvalidArgumentException if the name is not an identifier or
     *     {@code schema.identifier}, which would let it change the statement
     */
    public FunctionCall {
        java.util.Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new io.retort.exception.InvalidArgumentException("Function name '" + name + "' is not an"
                    + " identifier: a function name is written into the SQL as is, so it may hold only letters,"
                    + " digits, '_' and '$' (optionally schema-qualified, as \"myschema.my_function\"); pass values"
                    + " as arguments, e.g. function(\"lower\", STRING, literal(STRING, value))");
        }
        arguments = List.copyOf(arguments);
    }

    /** {@code this OVER (window)}: a window function. */
    public Over<T> over(Window window) {
        return new Over<>(this, window);
    }

    /**
     * {@code this WITHIN GROUP (ORDER BY ...)}: an ordered-set aggregate of this function's type, e.g.
     * {@code function("percentile_cont", DOUBLE, literal(DOUBLE, 0.5)).withinGroup(t.c("x").asc())}.
     */
    public WithinGroup<T> withinGroup(OrderBy... orderBy) {
        return new WithinGroup<>(this, List.of(orderBy), type);
    }

    /**
     * This function as a table in FROM with these columns (SQLAlchemy's {@code table_valued}), named
     * {@code anon_1} until {@link TableValuedFunction#named}: {@code function("json_each", doc).tableValued("key",
     * "value")} is {@code json_each(doc) AS anon_1}, its columns {@code anon_1."key"} and {@code anon_1."value"}.
     * Columns given by name are of no declared type; add typed ones with {@link TableValuedFunction#column}.
     */
    public TableValuedFunction tableValued(String... columnNames) {
        return TableValuedFunction.of(this, List.of(columnNames));
    }

    /**
     * This function's rows as one column named {@code name} (SQLAlchemy's {@code column_valued}): selecting it
     * writes {@code SELECT name FROM f(...) AS name}, the function in FROM. Of this function's type.
     */
    @SuppressWarnings("unchecked")
    public DerivedColumn<T> columnValued(String name) {
        return (DerivedColumn<T>) TableValuedFunction.columnValued(this, name).columnReferences().get(0);
    }

    /** {@link #columnValued(String)} named {@code anon_1}. */
    public DerivedColumn<T> columnValued() {
        return columnValued(TableValuedFunction.DEFAULT_NAME);
    }

    /** {@code this FILTER (WHERE predicate)}: aggregate only the rows the predicate accepts. */
    public Filtered<T> filter(Predicate predicate) {
        return new Filtered<>(this, predicate);
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitFunction(this);
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
