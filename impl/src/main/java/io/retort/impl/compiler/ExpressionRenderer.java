package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.Between;
import io.retort.sql.BindParameter;
import io.retort.sql.ColumnReference;
import io.retort.sql.Comparison;
import io.retort.sql.Expression;
import io.retort.sql.InList;
import io.retort.sql.Junction;
import io.retort.sql.Labeled;
import io.retort.sql.Like;
import io.retort.sql.Negation;
import io.retort.sql.NullTest;
import io.retort.sql.OrderBy;
import io.retort.sql.Predicate;
import io.retort.sql.SqlNode;
import io.retort.sql.SqlVisitor;
import io.retort.sql.TableReference;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shared part of the expression compiler: the state of one pass (the SQL, the parameters in order, or the values
 * gathered) and the expressions and predicates every statement kind contains. {@link FunctionRenderer} adds function
 * calls and JSON, {@link SelectRenderer} SELECT and
 * its FROM items, {@link DmlRenderer} INSERT, UPDATE and DELETE, {@link ExpressionCompiler} the entry points.
 * Not thread-safe; one instance per compilation.
 */
abstract class ExpressionRenderer implements SqlVisitor {
    final Dialect dialect;

    final boolean render;

    /**
     * Collecting the values of a statement whose compiled form is {@link CompiledStatement#plain() plain}: no WITH
     * clause to look for and no correlation to work out, as neither can change which values there are.
     */
    final boolean plain;

    final StringBuilder sql;

    /** The placeholders rendered so far, with their parameter names; null while only values are collected. */
    final CompiledStatement.@Nullable Placeholders placeholders;

    final List<@Nullable Object> values = new ArrayList<>();

    final List<@Nullable SqlType<?>> types = new ArrayList<>();

    String nameHint = "param";

    /**
     * The walk of the statement being compiled, when the compiled form is keyed by it: each placeholder then records
     * where its value comes from in {@link #valueSources} (see {@link CacheKeyWalker#bound}).
     */
    @Nullable CacheKeyWalker walked;

    final List<Object> valueSources = new ArrayList<>();

    boolean qualifyColumns = true;

    /** Tables in the FROM clauses of the statements enclosing the one being rendered, for correlation. */
    final java.util.Deque<Set<TableReference>> enclosing = new java.util.ArrayDeque<>();

    /** Names of the CTEs a WITH clause has declared already. */
    final Set<String> declaredCtes = new HashSet<>();

    /** Whether a CTE or a derived table was met: the compiled statement is then not {@code plain}. */
    boolean sawCteOrDerived;

    /** Whether a value gathered was computed now ({@link BindParameter#isComputed()}). */
    boolean computed;

    /**
     * Whether the statement may change data: it writes, locks rows, or calls a function or SQL text that might.
     * A SELECT without any of these is read-only ({@link CompiledStatement#readOnly()}).
     */
    boolean mayWrite;

    ExpressionRenderer(Dialect dialect, boolean render, boolean plain) {
        this.dialect = dialect;
        this.render = render;
        this.plain = plain;
        // What only rendering uses is not allocated to collect values.
        this.sql = render ? new StringBuilder(128) : new StringBuilder(0);
        this.placeholders = render ? new CompiledStatement.Placeholders() : null;
    }

    /** The placeholders rendered so far; only a rendering compiler has them. */
    CompiledStatement.Placeholders placeholders() {
        if (placeholders == null) {
            throw new IllegalStateException("A compiler that only collects values renders no placeholders");
        }
        return placeholders;
    }

    /** An identifier as the dialect quotes it; nothing while only values are collected (no SQL is rendered). */
    String quote(String identifier) {
        return render ? dialect.quote(identifier) : "";
    }

    /** A table's name as statements write it: {@code schema.table} for a table in another schema. */
    String tableName(TableReference table) {
        String schema = table.schema();
        return schema == null ? quote(table.name()) : quote(schema) + "." + quote(table.name());
    }

    /** The prefixes of a statement that apply to this dialect, each followed by a space. */
    void prefixes(List<io.retort.sql.Prefix> prefixes) {
        for (io.retort.sql.Prefix prefix : prefixes) {
            if (prefix.appliesTo(dialect.name())) {
                append(prefix.text()).append(" ");
            }
        }
    }

    ExpressionRenderer append(String text) {
        if (render) {
            sql.append(text);
        }
        return this;
    }

    void visitAll(List<? extends SqlNode> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                append(separator);
            }
            nodes.get(i).accept(this);
        }
    }

    /** Renders a nested predicate, in parentheses when it is a junction of the other kind. */
    void nested(Predicate predicate) {
        boolean parenthesize = predicate instanceof Junction;
        append(parenthesize ? "(" : "");
        predicate.accept(this);
        append(parenthesize ? ")" : "");
    }

    void hintFrom(Expression<?> expression) {
        nameHint = expression instanceof ColumnReference<?> ? ((ColumnReference<?>) expression).name() : "param";
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        if (column.tableReference() instanceof io.retort.sql.TableValuedFunction
                && ((io.retort.sql.TableValuedFunction) column.tableReference()).isColumnValued()) {
            append(quote(column.name())); // the alias of a column-valued function is its column
            return;
        }
        if (qualifyColumns) {
            append(tableName(column.tableReference())).append(".");
        }
        append(quote(column.name()));
    }

    @Override
    public void visitTuple(io.retort.sql.Tuple tuple) {
        append("(");
        visitAll(tuple.elements(), ", ");
        append(")");
    }

    @Override
    public void visitTupleIn(io.retort.sql.Tuple.TupleIn in) {
        in.tuple().accept(this);
        append(" IN (");
        visitAll(in.rows(), ", ");
        append(")");
    }

    @Override
    public void visitTextFragment(io.retort.sql.TextFragment<?> fragment) {
        mayWrite = true;
        CompiledStatement text = new TextCompiler(dialect).compile(io.retort.sql.Sql.text(fragment.sql()));
        if (render) {
            int base = sql.length();
            sql.append(text.sql());
            for (int i = 0; i < text.parameterNames().size(); i++) {
                placeholders().add(text.parameterNames().get(i), base + text.placeholderOffsets().get(i));
                valueSources.add(new ExpressionCompiler.Named(text.parameterNames().get(i)));
            }
        } else {
            for (String name : text.parameterNames()) {
                values.add(new ExpressionCompiler.Named(name));
                types.add(null);
            }
        }
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
        if (bind.type() instanceof io.retort.types.ArrayType<?> && dialect.arrayStyle() == Dialect.ArrayStyle.NONE) {
            throw FunctionRenderer.noArrays(dialect, "a value of type " + bind.type());
        }
        if (render) {
            if (bind.name() != null) {
                placeholders().add(bind.name(), sql.length());
            } else {
                placeholders().addUnnamed(nameHint, sql.length(), bind.isExpanding());
            }
            sql.append('?');
            int source = walked == null ? -1 : walked.sourceOf(bind);
            // A value not met by the walk is one the compiler made from the statement's structure (a JSON path), or
            // one computed at each execution: the compiled form keeps the parameter itself.
            valueSources.add(source >= 0 ? Integer.valueOf(source) : bind);
        } else {
            values.add(bind.name() != null ? new ExpressionCompiler.Named(bind.name()) : bind.value());
            types.add(bind.type());
            computed |= bind.isComputed();
        }
        nameHint = "param";
    }

    @Override
    public void visitComparison(Comparison comparison) {
        if (FunctionRenderer.isQuantified(comparison.left()) && !FunctionRenderer.isQuantified(comparison.right())) {
            // ANY (x) = ? is not SQL: ? = ANY (x), the operator turned around (SQLAlchemy's any_() == 5).
            operand(comparison.right());
            append(" ").append(FunctionRenderer.reversed(comparison.operator()).sql()).append(" ");
            operand(comparison.left());
            return;
        }
        operand(comparison.left());
        append(" ").append(comparison.operator().sql()).append(" ");
        hintFrom(comparison.left());
        operand(comparison.right());
    }

    /**
     * An operand of a comparison or test: a predicate there is parenthesized, since {@code a = ? OR b = ? IS NULL}
     * means {@code a = ? OR (b = ? IS NULL)} and {@code x > ? = y > ?} is not SQL everywhere.
     */
    private void operand(io.retort.sql.Expression<?> expression) {
        if (expression instanceof io.retort.sql.Predicate && !(expression instanceof io.retort.sql.BooleanLiteral)) {
            append("(");
            expression.accept(this);
            append(")");
        } else {
            expression.accept(this);
        }
    }

    @Override
    public void visitJunction(Junction junction) {
        String separator = junction.kind() == Junction.Kind.AND ? " AND " : " OR ";
        for (int i = 0; i < junction.predicates().size(); i++) {
            if (i > 0) {
                append(separator);
            }
            nested(junction.predicates().get(i));
        }
    }

    @Override
    public void visitNegation(Negation negation) {
        append("NOT (");
        negation.predicate().accept(this);
        append(")");
    }

    @Override
    public void visitNullTest(NullTest test) {
        operand(test.expression());
        append(test.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public void visitInList(InList in) {
        operand(in.expression());
        append(in.negated() ? " NOT IN " : " IN ");
        hintFrom(in.expression());
        in.values().accept(this);
    }

    @Override
    public void visitBetween(Between between) {
        operand(between.expression());
        append(" BETWEEN ");
        hintFrom(between.expression());
        between.low().accept(this);
        append(" AND ");
        hintFrom(between.expression());
        between.high().accept(this);
    }

    @Override
    public void visitLike(Like like) {
        boolean lower = like.ignoreCase() && !dialect.supportsIlike();
        append(lower ? "lower(" : "");
        like.expression().accept(this);
        append(lower ? ")" : "");
        String operator = like.ignoreCase() && !lower ? "ILIKE" : "LIKE";
        append(like.negated() ? " NOT " + operator + " " : " " + operator + " ");
        append(lower ? "lower(" : "");
        hintFrom(like.expression());
        like.pattern().accept(this);
        append(lower ? ")" : "");
        if (like.escapeChar() != null) {
            append(" ESCAPE ").append(dialect.literal(String.valueOf(like.escapeChar())));
        }
    }

    @Override
    public void visitOperation(io.retort.sql.Operation<?> operation) {
        if (operation.operator() == io.retort.sql.Operation.Operator.CONCAT && !dialect.concatOperator()) {
            append("concat(");
            operation.left().accept(this);
            append(", ");
            operation.right().accept(this);
            append(")");
            return;
        }
        append("(");
        operation.left().accept(this);
        switch (operation.operator()) {
            case ADD: append(" + "); break;
            case SUBTRACT: append(" - "); break;
            case MULTIPLY: append(" * "); break;
            case DIVIDE:
                boolean integral = isIntegral(operation.type().javaType());
                append(integral && isIntegral(operation.left().type().javaType())
                        && isIntegral(operation.right().type().javaType()) ? " " + dialect.integerDivision() + " "
                        : " / ");
                String divisor = dialect.fractionalDivisor();
                if (!integral && !divisor.equals("%s") && isNumeric(operation.type().javaType())) {
                    // A fractional result is a true division even of integer values (SQLite) or after an integer
                    // dividend (H2).
                    int at = divisor.indexOf("%s");
                    append(divisor.substring(0, at));
                    hintFrom(operation.left());
                    operation.right().accept(this);
                    append(divisor.substring(at + 2)).append(")");
                    return;
                }
                break;
            case MODULO: append(" % "); break;
            default: append(" || ");
        }
        hintFrom(operation.left());
        operation.right().accept(this);
        append(")");
    }

    /** Whether values of a Java type are numbers of any kind. */
    private static boolean isNumeric(Class<?> type) {
        return isIntegral(type) || type == java.math.BigDecimal.class || type == Double.class || type == Float.class;
    }

    /** Whether values of a Java type are integers (their division must stay an integer division everywhere). */
    private static boolean isIntegral(Class<?> type) {
        return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class;
    }

    @Override
    public void visitCast(io.retort.sql.Cast<?> cast) {
        append("CAST(");
        cast.expression().accept(this);
        append(" AS ").append(render ? dialect.typeCompiler().castTypeName(cast.type()) : "").append(")");
    }

    @Override
    public void visitCase(io.retort.sql.Case<?> caseExpression) {
        append("CASE");
        for (io.retort.sql.Case.When when : caseExpression.whens()) {
            append(" WHEN ");
            when.predicate().accept(this);
            append(" THEN ");
            when.value().accept(this);
        }
        if (caseExpression.otherwiseValue() != null) {
            append(" ELSE ");
            caseExpression.otherwiseValue().accept(this);
        }
        append(" END");
    }

    @Override
    public void visitDistinctFrom(io.retort.sql.DistinctFrom distinctFrom) {
        if (dialect.supportsIsDistinctFrom()) {
            distinctFrom.left().accept(this);
            append(distinctFrom.negated() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
            hintFrom(distinctFrom.left());
            distinctFrom.right().accept(this);
        } else {
            // MySQL's null-safe equality.
            append(distinctFrom.negated() ? "" : "NOT (");
            distinctFrom.left().accept(this);
            append(" <=> ");
            hintFrom(distinctFrom.left());
            distinctFrom.right().accept(this);
            append(distinctFrom.negated() ? "" : ")");
        }
    }

    @Override
    public void visitOrderBy(OrderBy orderBy) {
        Boolean nullsFirst = orderBy.placeNullsFirst();
        if (nullsFirst != null && !dialect.supportsNullsOrdering()) {
            // MySQL: false sorts before true, so order on the NULL test first.
            unlabeled(orderBy.expression()).accept(this);
            append(nullsFirst ? " IS NOT NULL, " : " IS NULL, ");
        }
        orderByExpression(orderBy.expression());
        append(orderBy.descending() ? " DESC" : "");
        if (nullsFirst != null && dialect.supportsNullsOrdering()) {
            append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** An ORDER BY expression; a labeled one is ordered by its label, the name of the result column. */
    void orderByExpression(Expression<?> expression) {
        if (expression instanceof Labeled) {
            append(quote(((Labeled<?>) expression).name()));
        } else {
            expression.accept(this);
        }
    }

    /** The expression a label names (GROUP BY and the NULL test of an emulated NULLS FIRST take the expression). */
    static Expression<?> unlabeled(Expression<?> expression) {
        return expression instanceof Labeled ? ((Labeled<?>) expression).expression() : expression;
    }

    @Override
    public void visitLabeled(Labeled<?> labeled) {
        // A label names a result column: elsewhere (WHERE, GROUP BY, inside an expression) it is its expression.
        labeled.expression().accept(this);
    }

    /** A columns clause (of a SELECT or RETURNING): each labeled column is written {@code expression AS name}. */
    void columnsClause(List<? extends Expression<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            append(i > 0 ? ", " : "");
            Expression<?> column = columns.get(i);
            column.accept(this);
            if (column instanceof Labeled) {
                append(" AS ").append(quote(((Labeled<?>) column).name()));
            }
        }
    }

    @Override
    public void visitBooleanLiteral(io.retort.sql.BooleanLiteral literal) {
        // true and false are keywords on every supported database (SQLite since 3.23, as 1 and 0).
        append(literal.value() ? "true" : "false");
    }
}
