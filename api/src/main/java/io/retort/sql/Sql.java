package io.retort.sql;

import io.retort.exception.InvalidArgumentException;
import io.retort.spi.CoreProvider;
import java.util.List;
import java.util.Map;

/**
 * Static factories of the SQL Expression Language; import them statically:
 *
 * <pre>{@code
 * import static io.retort.sql.Sql.text;
 *
 * conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"), Map.of("x", 1, "y", 1));
 * }</pre>
 */
public final class Sql {
    private Sql() {
    }

    /** {@code SELECT expressions...}. */
    public static Select select(Expression<?>... expressions) {
        return Select.of(java.util.List.of(expressions));
    }

    /** {@code SELECT} every column of a table. */
    public static Select select(TableReference table) {
        return Select.of(java.util.List.copyOf(table.columnReferences()));
    }

    /**
     * A VALUES table named {@code name} for a FROM clause: add columns with {@link Values#column} and rows with
     * {@link Values#data}; see {@link Values} for the SQL on each database.
     */
    public static Values values(String name) {
        return Values.named(name);
    }

    /** {@code INSERT INTO table}; give the values with {@link Insert#values}. */
    public static Insert insert(TableReference table) {
        return Insert.into(table);
    }

    /** {@code UPDATE table}; give the values with {@link Update#values}. */
    public static Update update(TableReference table) {
        return Update.of(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete delete(TableReference table) {
        return Delete.from(table);
    }

    /** {@code left JOIN right ON onClause}, to nest in another join or give to {@link Select#from}. */
    public static Join join(FromClause left, FromClause right, Predicate onClause) {
        return new Join(left, right, java.util.Objects.requireNonNull(onClause, "onClause"), Join.Kind.INNER);
    }

    /** {@code left LEFT OUTER JOIN right ON onClause}. */
    public static Join outerJoin(FromClause left, FromClause right, Predicate onClause) {
        return new Join(left, right, java.util.Objects.requireNonNull(onClause, "onClause"), Join.Kind.LEFT);
    }

    /** {@code (a) AND (b) AND ...}. */
    public static Predicate and(Predicate first, Predicate... more) {
        Predicate[] all = new Predicate[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Junction.of(Junction.Kind.AND, all);
    }

    /** {@code (a) OR (b) OR ...}. */
    public static Predicate or(Predicate first, Predicate... more) {
        Predicate[] all = new Predicate[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return Junction.of(Junction.Kind.OR, all);
    }

    /** {@code NOT (predicate)}. */
    public static Predicate not(Predicate predicate) {
        return predicate.not();
    }

    /** {@code count(*)}. */
    public static FunctionCall<Long> count() {
        return new FunctionCall<>("count", java.util.List.of(), io.retort.types.Types.BIGINT);
    }

    /** {@code count(expression)}. */
    public static FunctionCall<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", java.util.List.of(expression), io.retort.types.Types.BIGINT);
    }

    /** The current date and time of the database session as a {@code LocalDateTime} ({@code LOCALTIMESTAMP}). */
    public static FunctionCall<java.time.LocalDateTime> now() {
        return new FunctionCall<>("now", List.of(), io.retort.types.Types.DATETIME);
    }

    /** {@code lower(expression)}. */
    public static FunctionCall<String> lower(Expression<?> expression) {
        return new FunctionCall<>("lower", List.of(expression), io.retort.types.Types.STRING);
    }

    /** {@code upper(expression)}. */
    public static FunctionCall<String> upper(Expression<?> expression) {
        return new FunctionCall<>("upper", List.of(expression), io.retort.types.Types.STRING);
    }

    /** {@code row_number()}, for {@code over(...)}. */
    public static FunctionCall<Long> rowNumber() {
        return new FunctionCall<>("row_number", java.util.List.of(), io.retort.types.Types.BIGINT);
    }

    /** {@code rank()}, for {@code over(...)}. */
    public static FunctionCall<Long> rank() {
        return new FunctionCall<>("rank", java.util.List.of(), io.retort.types.Types.BIGINT);
    }

    /** {@code max(expression)}, of the expression's type. */
    public static <T> FunctionCall<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", java.util.List.of(expression), expression.type());
    }

    /** {@code min(expression)}, of the expression's type. */
    public static <T> FunctionCall<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", java.util.List.of(expression), expression.type());
    }

    /** {@code sum(expression)}, as a decimal (databases widen integer sums). */
    public static FunctionCall<java.math.BigDecimal> sum(Expression<?> expression) {
        return new FunctionCall<>("sum", java.util.List.of(expression), io.retort.types.Types.NUMERIC);
    }

    /** {@code avg(expression)}, as a decimal. */
    public static FunctionCall<java.math.BigDecimal> avg(Expression<?> expression) {
        return new FunctionCall<>("avg", java.util.List.of(expression), io.retort.types.Types.NUMERIC);
    }

    /** The tables whose columns an expression or predicate refers to, in order, not looking inside subqueries. */
    public static List<TableReference> referencedTables(SqlNode node) {
        return List.copyOf(FromCollector.tablesOf(List.of(node)));
    }

    /** A parameter named {@code name}, given its value at execution: {@code eq(bindParam("id", INTEGER))}. */
    public static <T> BindParameter<T> bindParam(String name, io.retort.types.SqlType<T> type) {
        return BindParameter.named(name, type);
    }

    /** Literal SQL as a value inside a statement, e.g. {@code sqlFragment("random()", DOUBLE)}. */
    public static <T> TextFragment<T> sqlFragment(String sql, io.retort.types.SqlType<T> type) {
        return new TextFragment<>(sql, type);
    }

    /** Literal SQL as a WHERE criterion, with {@code :name} parameters given at execution. */
    public static Predicate sqlCondition(String sql) {
        return new TextFragment.Condition(sql);
    }

    /** The constant {@code true}, as SQLAlchemy's {@code true()}: {@code join(lateral, trueValue())}. */
    public static BooleanLiteral trueValue() {
        return new BooleanLiteral(true);
    }

    /** The constant {@code false}, as SQLAlchemy's {@code false()}: {@code where(falseValue())} matches no row. */
    public static BooleanLiteral falseValue() {
        return new BooleanLiteral(false);
    }

    /** A predicate that always holds ({@code ? = ?} with equal values), e.g. the ON clause of a LATERAL join. */
    public static Predicate alwaysTrue() {
        return BindParameter.of(io.retort.types.Types.INTEGER, 1).eq(1);
    }

    /** A row value {@code (a, b, ...)} for comparing several columns at once. */
    public static Tuple tuple(Expression<?>... elements) {
        return new Tuple(List.of(elements));
    }

    /** {@code EXISTS (SELECT ...)}; {@code not()} makes it NOT EXISTS. */
    public static Exists exists(Select subquery) {
        return new Exists(subquery, false);
    }

    /**
     * Compiles a statement for a dialect ({@code sqlite}, {@code h2}, {@code postgresql}, {@code mysql},
     * {@code mariadb}) without a database.
     *
     * @throws io.retort.exception.CompileException if the dialect cannot run the statement
     */
    public static CompiledSql compile(Executable statement, String dialect) {
        return CoreProvider.instance().compile(statement, dialect);
    }

    /** The statement as readable SQL with named parameters (PostgreSQL's dialect), for logs and debugging. */
    static String render(Executable statement) {
        try {
            return CoreProvider.instance().render(statement);
        } catch (RuntimeException | LinkageError e) {
            return statement.getClass().getSimpleName() + " (not renderable: " + e.getMessage() + ")";
        }
    }

    /** An expression, predicate or FROM item as readable SQL with named parameters, for {@code toString()}. */
    static String renderNode(SqlNode node) {
        if (node instanceof Executable) {
            return render((Executable) node);
        }
        try {
            return CoreProvider.instance().renderNode(node);
        } catch (RuntimeException | LinkageError e) {
            return node.getClass().getSimpleName() + " (not renderable: " + e.getMessage() + ")";
        }
    }

    /** {@code CAST(expression AS type)}. */
    public static <T> Cast<T> cast(Expression<?> expression, io.retort.types.SqlType<T> type) {
        return new Cast<>(expression, type);
    }

    /** {@code coalesce(a, b, ...)}, of the first argument's type. */
    public static <T> FunctionCall<T> coalesce(Expression<T> first, Expression<?>... more) {
        java.util.List<Expression<?>> arguments = new java.util.ArrayList<>();
        arguments.add(first);
        arguments.addAll(java.util.List.of(more));
        return new FunctionCall<>("coalesce", arguments, first.type());
    }

    /** A value bound with a type, to use where an expression is needed: {@code coalesce(c, literal(INTEGER, 0))}. */
    public static <T> BindParameter<T> literal(io.retort.types.SqlType<T> type, @org.jspecify.annotations.Nullable T value) {
        return BindParameter.of(type, value);
    }

    /** {@code CASE WHEN predicate THEN value}; add branches with {@link Case#when}, the default with {@link Case#otherwise}. */
    public static <T> Case<T> caseWhen(Predicate predicate, io.retort.types.SqlType<T> type, T value) {
        return new Case<T>(java.util.List.of(), null, type).when(predicate, value);
    }

    /**
     * Any SQL function without a declared result type, as SQLAlchemy's {@code func.name(...)}: typed
     * {@link io.retort.types.Types#UNKNOWN}, its values read as the driver gives them and compared with any value.
     * {@code function("coalesce", t.c("a"), t.c("b"))} gives {@code coalesce(t.a, t.b)}.
     */
    public static FunctionCall<Object> function(String name, Expression<?>... arguments) {
        return new FunctionCall<>(name, java.util.List.of(arguments), io.retort.types.Types.UNKNOWN);
    }

    /**
     * {@code *} as a result column, as SQLAlchemy's {@code select(literal_column("*"))}: give the FROM clause with
     * {@link Select#from}, e.g. {@code select(star()).from(users)} gives {@code SELECT * FROM users}; each result
     * column is read as the driver gives it. {@link TableReference#star()} gives {@code users.*}.
     */
    public static Star star() {
        return new Star(null);
    }

    /** Any SQL function with a result type: {@code function("lower", STRING, users.c("name"))}. */
    public static <T> FunctionCall<T> function(String name, io.retort.types.SqlType<T> type,
            Expression<?>... arguments) {
        return new FunctionCall<>(name, java.util.List.of(arguments), type);
    }

    /**
     * A literal SQL statement with {@code :name} bind parameters; see {@link TextClause} for the parameter syntax.
     *
     * <pre>{@code
     * text("SELECT x, y FROM some_table WHERE y > :y ORDER BY x, y")
     * }</pre>
     *
     * @param sql the statement text
     * @return an immutable clause that can be executed on a connection
     * @throws InvalidArgumentException if {@code sql} is null or blank
     */
    public static TextClause text(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidArgumentException("text() needs a SQL statement, but was given "
                    + (sql == null ? "null" : "a blank string") + "; pass the statement text, e.g. text(\"SELECT 1\")");
        }
        return new TextClause(sql, Map.of());
    }
}
