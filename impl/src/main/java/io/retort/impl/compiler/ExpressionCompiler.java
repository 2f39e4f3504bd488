package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.Assignment;
import io.retort.sql.Between;
import io.retort.sql.BindParameter;
import io.retort.sql.ColumnReference;
import io.retort.sql.Comparison;
import io.retort.sql.Delete;
import io.retort.sql.Expression;
import io.retort.sql.FunctionCall;
import io.retort.sql.InList;
import io.retort.sql.Insert;
import io.retort.sql.Junction;
import io.retort.sql.Labeled;
import io.retort.sql.Like;
import io.retort.sql.Negation;
import io.retort.sql.NullTest;
import io.retort.sql.OrderBy;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.SqlVisitor;
import io.retort.sql.TableReference;
import io.retort.sql.Update;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders statements of the expression language for one dialect in a single visitor pass that also records, in
 * order, the bound parameters. The same pass in {@link #collect} mode renders nothing and only gathers the values
 * and types of another statement of the same structure, so a cached {@link CompiledStatement} can be reused.
 * Not thread-safe; one instance per compilation.
 */
public final class ExpressionCompiler implements SqlVisitor {
    private final Dialect dialect;
    private final boolean render;
    /**
     * Collecting the values of a statement whose compiled form is {@link CompiledStatement#plain() plain}: no WITH
     * clause to look for and no correlation to work out, as neither can change which values there are.
     */
    private final boolean plain;
    private final StringBuilder sql;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final Set<String> expanding;
    private final Set<String> usedNames;
    private final List<@Nullable Object> values = new ArrayList<>();
    private final List<@Nullable SqlType<?>> types = new ArrayList<>();
    private String nameHint = "param";
    private boolean qualifyColumns = true;
    /** Tables in the FROM clauses of the statements enclosing the one being rendered, for correlation. */
    private final java.util.Deque<Set<TableReference>> enclosing = new java.util.ArrayDeque<>();
    /** Names of the CTEs a WITH clause has declared already. */
    private final Set<String> declaredCtes = new HashSet<>();
    /** Whether a CTE or a derived table was met: the compiled statement is then not {@code plain}. */
    private boolean sawCteOrDerived;
    /** Whether a value gathered was computed now ({@link BindParameter#isComputed()}). */
    private boolean computed;

    /**
     * Whether the statement may change data: it writes, locks rows, or calls a function or SQL text that might.
     * A SELECT without any of these is read-only ({@link CompiledStatement#readOnly()}).
     */
    private boolean mayWrite;

    private ExpressionCompiler(Dialect dialect, boolean render, boolean plain) {
        this.dialect = dialect;
        this.render = render;
        this.plain = plain;
        // What only rendering uses is not allocated to collect values.
        this.sql = render ? new StringBuilder(128) : new StringBuilder(0);
        this.expanding = render ? new LinkedHashSet<>() : Set.of();
        this.usedNames = render ? new HashSet<>() : Set.of();
    }

    /** Compiles a statement: SQL with {@code ?} placeholders, parameter names and expanding parameters. */
    public static CompiledStatement compile(Dialect dialect, SqlNode statement) {
        ExpressionCompiler compiler = new ExpressionCompiler(dialect, true, false);
        statement.accept(compiler);
        boolean readOnly = (statement instanceof Select || statement instanceof io.retort.sql.CompoundSelect)
                && !compiler.mayWrite;
        return new CompiledStatement(compiler.sql.toString(), compiler.names, compiler.sql.toString(),
                compiler.offsets, compiler.expanding, readOnly, !compiler.sawCteOrDerived);
    }

    /**
     * The values and types a statement binds, in placeholder order (before expansion).
     *
     * @param computed whether some value was computed as it was gathered (a column's client-side default), so that
     *     gathering the same statement again gives another value
     */
    public record Bound(List<@Nullable Object> values, List<@Nullable SqlType<?>> types, boolean computed) {
        /** Whether some value is a {@link Named} parameter to be given at execution. */
        public boolean hasNamed() {
            return values.stream().anyMatch(v -> v instanceof Named);
        }
    }

    /**
     * The value of a parameter given at execution ({@code bindParam("name")}, or {@code :name} in a SQL fragment).
     *
     * @param name the parameter's name
     */
    public record Named(String name) {
    }

    /** Walks a statement the way {@link #compile} does and gathers its bound values and their types. */
    public static Bound collect(Dialect dialect, SqlNode statement) {
        ExpressionCompiler collector = new ExpressionCompiler(dialect, false, false);
        statement.accept(collector);
        return new Bound(collector.values, collector.types, collector.computed);
    }

    /**
     * Gathers the bound values and types of a statement that {@code compiled} is the compiled form of (a statement of
     * the same structure), skipping what the compiled form says the statement lacks.
     */
    public static Bound collect(Dialect dialect, SqlNode statement, CompiledStatement compiled) {
        ExpressionCompiler collector = new ExpressionCompiler(dialect, false, compiled.plain());
        statement.accept(collector);
        return new Bound(collector.values, collector.types, collector.computed);
    }

    /** An identifier as the dialect quotes it; nothing while only values are collected (no SQL is rendered). */
    private String quote(String identifier) {
        return render ? dialect.quote(identifier) : "";
    }

    private ExpressionCompiler append(String text) {
        if (render) {
            sql.append(text);
        }
        return this;
    }

    private void visitAll(List<? extends SqlNode> nodes, String separator) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                append(separator);
            }
            nodes.get(i).accept(this);
        }
    }

    /** Renders a nested predicate, in parentheses when it is a junction of the other kind. */
    private void nested(Predicate predicate) {
        boolean parenthesize = predicate instanceof Junction;
        append(parenthesize ? "(" : "");
        predicate.accept(this);
        append(parenthesize ? ")" : "");
    }

    private String uniqueName(String hint) {
        String name = hint;
        for (int i = 1; !usedNames.add(name); i++) {
            name = hint + "_" + i;
        }
        return name;
    }

    private void hintFrom(Expression<?> expression) {
        nameHint = expression instanceof ColumnReference<?> ? ((ColumnReference<?>) expression).name() : "param";
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        if (qualifyColumns) {
            append(quote(column.tableReference().name())).append(".");
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
    public void visitTable(TableReference table) {
        if (table instanceof io.retort.sql.DerivedTable) {
            sawCteOrDerived = true;
            io.retort.sql.DerivedTable derived = (io.retort.sql.DerivedTable) table;
            if (derived.isLateral()) {
                if (!dialect.supportsLateral()) {
                    throw new io.retort.exception.CompileException("LATERAL (subquery " + derived.name() + ") is not"
                            + " supported by " + dialect + "; use a correlated scalar subquery instead");
                }
                // A LATERAL subquery is correlated with the tables of the FROM clause it stands in.
                append("LATERAL (");
                derived.select().accept(this);
            } else {
                // A plain derived table is not correlated: its SELECT sees no enclosing table.
                append("(");
                java.util.Deque<Set<TableReference>> saved = new java.util.ArrayDeque<>(enclosing);
                enclosing.clear();
                derived.select().accept(this);
                enclosing.addAll(saved);
            }
            append(") AS ").append(quote(table.name()));
            return;
        }
        if (table instanceof io.retort.sql.TableAlias) {
            ((io.retort.sql.TableAlias) table).table().accept(this);
            append(" AS ");
        }
        append(quote(table.name()));
    }

    /** {@code WITH [RECURSIVE] name(columns) AS (...), ...} for the CTEs the statement uses and no WITH declared. */
    private void withClause(List<? extends SqlNode> roots) {
        if (plain) {
            return; // compiled without any CTE
        }
        List<io.retort.sql.CommonTableExpression> ctes = new ArrayList<>();
        for (io.retort.sql.CommonTableExpression cte : CteCollector.of(roots)) {
            if (declaredCtes.add(cte.name())) {
                ctes.add(cte);
            }
        }
        if (ctes.isEmpty()) {
            return;
        }
        sawCteOrDerived = true;
        boolean recursive = ctes.stream().anyMatch(io.retort.sql.CommonTableExpression::isRecursive);
        append(recursive ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < ctes.size(); i++) {
            io.retort.sql.CommonTableExpression cte = ctes.get(i);
            append(i > 0 ? ", " : "").append(quote(cte.name())).append("(");
            for (int c = 0; c < cte.columnReferences().size(); c++) {
                append(c > 0 ? ", " : "").append(quote(cte.columnReferences().get(c).name()));
            }
            append(") AS (");
            java.util.Deque<Set<TableReference>> saved = new java.util.ArrayDeque<>(enclosing);
            enclosing.clear();
            cte.body().accept(this);
            enclosing.addAll(saved);
            append(")");
        }
        append(" ");
    }

    @Override
    public void visitJoin(io.retort.sql.Join join) {
        if (join.kind() == io.retort.sql.Join.Kind.FULL && !dialect.supportsFullJoin()) {
            throw new io.retort.exception.CompileException("FULL OUTER JOIN (of " + join.right().name() + ") is not"
                    + " supported by " + dialect.name() + "; use a LEFT OUTER JOIN united with its mirror image");
        }
        join.left().accept(this);
        append(" ").append(join.kind().sql()).append(" ");
        join.right().accept(this);
        append(" ON ");
        join.onClause().accept(this);
    }

    private void returning(String statement, String table, List<io.retort.sql.Expression<?>> columns) {
        if (columns.isEmpty()) {
            return;
        }
        if (!dialect.supportsReturning(statement)) {
            throw new io.retort.exception.CompileException(statement + " ... RETURNING (on " + table + ") is not"
                    + " supported by " + dialect + "; run a SELECT after the " + statement + " instead");
        }
        append(" RETURNING ");
        boolean qualified = qualifyColumns;
        qualifyColumns = false;
        visitAll(columns, ", ");
        qualifyColumns = qualified;
    }

    @Override
    public void visitTextFragment(io.retort.sql.TextFragment<?> fragment) {
        mayWrite = true;
        CompiledStatement text = new TextCompiler(dialect).compile(io.retort.sql.Sql.text(fragment.sql()));
        if (render) {
            int base = sql.length();
            sql.append(text.sql());
            for (int i = 0; i < text.parameterNames().size(); i++) {
                names.add(text.parameterNames().get(i));
                offsets.add(base + text.placeholderOffsets().get(i));
            }
        } else {
            for (String name : text.parameterNames()) {
                values.add(new Named(name));
                types.add(null);
            }
        }
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
        if (render && bind.name() != null) {
            names.add(bind.name());
            offsets.add(sql.length());
            sql.append('?');
        } else if (render) {
            String name = uniqueName(nameHint);
            names.add(name);
            offsets.add(sql.length());
            if (bind.isExpanding()) {
                expanding.add(name);
            }
            sql.append('?');
        } else {
            values.add(bind.name() != null ? new Named(bind.name()) : bind.value());
            types.add(bind.type());
            computed |= bind.isComputed();
        }
        nameHint = "param";
    }

    @Override
    public void visitComparison(Comparison comparison) {
        comparison.left().accept(this);
        append(" ").append(comparison.operator().sql()).append(" ");
        hintFrom(comparison.left());
        comparison.right().accept(this);
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
        test.expression().accept(this);
        append(test.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public void visitInList(InList in) {
        in.expression().accept(this);
        append(in.negated() ? " NOT IN " : " IN ");
        hintFrom(in.expression());
        in.values().accept(this);
    }

    @Override
    public void visitBetween(Between between) {
        between.expression().accept(this);
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
            case DIVIDE: append(" / "); break;
            case MODULO: append(" % "); break;
            default: append(" || ");
        }
        hintFrom(operation.left());
        operation.right().accept(this);
        append(")");
    }

    @Override
    public void visitCast(io.retort.sql.Cast<?> cast) {
        append("CAST(");
        cast.expression().accept(this);
        append(" AS ").append(render ? dialect.castTypeName(cast.type()) : "").append(")");
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
    private void orderByExpression(Expression<?> expression) {
        if (expression instanceof Labeled) {
            append(quote(((Labeled<?>) expression).name()));
        } else {
            expression.accept(this);
        }
    }

    /** The expression a label names (GROUP BY and the NULL test of an emulated NULLS FIRST take the expression). */
    private static Expression<?> unlabeled(Expression<?> expression) {
        return expression instanceof Labeled ? ((Labeled<?>) expression).expression() : expression;
    }

    @Override
    public void visitCompoundSelect(io.retort.sql.CompoundSelect compound) {
        withClause(compound.selects());
        for (int i = 0; i < compound.selects().size(); i++) {
            Select select = compound.selects().get(i);
            boolean own = !select.orderByClause().isEmpty() || select.limitClause() != null
                    || select.offsetClause() != null;
            if (own && !dialect.parenthesizedCompoundMembers()) {
                throw new io.retort.exception.CompileException("A SELECT with its own ORDER BY or LIMIT inside a "
                        + compound.kind().sql() + " is not supported by " + dialect.name()
                        + "; order and limit the combined rows instead");
            }
            append(i > 0 ? " " + compound.kind().sql() + " " : "");
            append(own ? "(" : "");
            select.accept(this);
            append(own ? ")" : "");
        }
        if (!compound.orderByClause().isEmpty()) {
            // The combined rows have result columns, not tables: order by the column names alone.
            append(" ORDER BY ");
            boolean qualified = qualifyColumns;
            qualifyColumns = false;
            visitAll(compound.orderByClause(), ", ");
            qualifyColumns = qualified;
        }
        if (compound.limitClause() != null) {
            String clause = dialect.limitClause(true, false);
            int at = clause.indexOf("{limit}");
            append(clause.substring(0, at));
            nameHint = "limit";
            compound.limitClause().accept(this);
            append(clause.substring(at + "{limit}".length()));
        }
    }

    @Override
    public void visitLabeled(Labeled<?> labeled) {
        labeled.expression().accept(this);
        append(" AS ").append(quote(labeled.name()));
    }

    @Override
    public void visitOver(io.retort.sql.Over<?> over) {
        over.function().accept(this);
        io.retort.sql.Window window = over.window();
        append(" OVER (");
        boolean space = false;
        if (!window.partitionBy().isEmpty()) {
            append("PARTITION BY ");
            visitAll(window.partitionBy(), ", ");
            space = true;
        }
        if (!window.orderBy().isEmpty()) {
            append(space ? " ORDER BY " : "ORDER BY ");
            visitAll(window.orderBy(), ", ");
            space = true;
        }
        if (window.framed()) {
            append(space ? " " : "").append("ROWS BETWEEN ").append(frameBound(window.frameStart(), "PRECEDING"))
                    .append(" AND ").append(frameBound(window.frameEnd(), "FOLLOWING"));
        }
        append(")");
    }

    private static String frameBound(@Nullable Integer rows, String direction) {
        if (rows == null) {
            return "UNBOUNDED " + direction;
        }
        return rows == 0 ? "CURRENT ROW" : rows + " " + direction;
    }

    @Override
    public void visitFiltered(io.retort.sql.Filtered<?> filtered) {
        mayWrite = true;
        FunctionCall<?> function = filtered.function();
        if (dialect.supportsAggregateFilter()) {
            function.accept(this);
            append(" FILTER (WHERE ");
            filtered.predicate().accept(this);
            append(")");
            return;
        }
        // MySQL: aggregate only the rows the predicate accepts by nulling out the others.
        append(function.name()).append("(");
        List<io.retort.sql.Expression<?>> arguments = function.arguments();
        if (arguments.isEmpty()) {
            append("CASE WHEN ");
            filtered.predicate().accept(this);
            append(" THEN 1 END");
        }
        for (int i = 0; i < arguments.size(); i++) {
            append(i > 0 ? ", " : "").append("CASE WHEN ");
            filtered.predicate().accept(this);
            append(" THEN ");
            arguments.get(i).accept(this);
            append(" END");
        }
        append(")");
    }

    @Override
    public void visitFunction(FunctionCall<?> function) {
        mayWrite = true;
        if (function.name().equals("now") && function.arguments().isEmpty()) {
            append(dialect.localTimestamp());
            return;
        }
        append(function.name()).append("(");
        if (function.arguments().isEmpty() && function.name().equalsIgnoreCase("count")) {
            append("*");
        } else {
            visitAll(function.arguments(), ", ");
        }
        append(")");
    }

    private void nestedSelect(Select select) {
        append("(");
        select.accept(this);
        append(")");
    }

    @Override
    public void visitSubquery(io.retort.sql.Subquery<?> subquery) {
        nestedSelect(subquery.select());
    }

    @Override
    public void visitExists(io.retort.sql.Exists exists) {
        append(exists.negated() ? "NOT EXISTS " : "EXISTS ");
        nestedSelect(exists.select());
    }

    @Override
    public void visitInSubquery(io.retort.sql.InSubquery in) {
        in.expression().accept(this);
        append(in.negated() ? " NOT IN " : " IN ");
        nestedSelect(in.select());
    }

    @Override
    public void visitSelect(Select select) {
        withClause(List.of(select));
        append(select.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
        List<io.retort.sql.FromClause> froms;
        if (plain) {
            // Collecting values only: the explicit items, once each as froms() has them. The tables the columns
            // imply carry no values, nor do the tables correlation leaves out of a nested FROM.
            List<io.retort.sql.FromClause> explicit = select.explicitFroms();
            froms = explicit.size() < 2 ? explicit : List.copyOf(new java.util.LinkedHashSet<>(explicit));
        } else {
            froms = correlatedFroms(select);
            Set<TableReference> own = new HashSet<>();
            for (io.retort.sql.FromClause from : froms) {
                own.addAll(tablesOf(from));
            }
            enclosing.push(own);
        }
        visitAll(select.columns(), ", ");
        if (!froms.isEmpty()) {
            append(" FROM ");
            visitAll(froms, ", ");
        }
        if (select.whereClause() != null) {
            append(" WHERE ");
            select.whereClause().accept(this);
        }
        if (!select.groupByClause().isEmpty()) {
            append(" GROUP BY ");
            for (int i = 0; i < select.groupByClause().size(); i++) {
                append(i > 0 ? ", " : "");
                unlabeled(select.groupByClause().get(i)).accept(this);
            }
        }
        if (select.havingClause() != null) {
            append(" HAVING ");
            select.havingClause().accept(this);
        }
        if (!select.orderByClause().isEmpty()) {
            append(" ORDER BY ");
            visitAll(select.orderByClause(), ", ");
        }
        BindParameter<Integer> limit = select.limitClause();
        BindParameter<Integer> offset = select.offsetClause();
        if (limit != null || offset != null) {
            String clause = dialect.limitClause(limit != null, offset != null);
            int limitAt = clause.indexOf("{limit}");
            int offsetAt = clause.indexOf("{offset}");
            // Emit the clause's text and its two parameters in the order they stand in it.
            int copied = 0;
            for (int part = 0; part < 2; part++) {
                boolean limitFirst = offsetAt < 0 || limitAt >= 0 && limitAt < offsetAt;
                int at = part == 0 ? (limitFirst ? limitAt : offsetAt) : (limitFirst ? offsetAt : limitAt);
                if (at < 0) {
                    continue;
                }
                append(clause.substring(copied, at));
                boolean isLimit = clause.startsWith("{limit}", at);
                nameHint = isLimit ? "limit" : "offset";
                (isLimit ? limit : offset).accept(this);
                copied = at + (isLimit ? "{limit}".length() : "{offset}".length());
            }
            append(clause.substring(copied));
        }
        if (select.forUpdateClause() != null) {
            mayWrite = true; // takes row locks
            if (!dialect.forUpdateWithGrouping() && (select.isDistinct() || !select.groupByClause().isEmpty())) {
                throw new io.retort.exception.CompileException("FOR UPDATE with GROUP BY or DISTINCT is not"
                        + " supported by " + dialect.name() + ": grouped rows cannot be locked; lock the rows in a"
                        + " subquery instead");
            }
            append(render ? dialect.forUpdateClause(select.forUpdateClause()) : "");
        }
        if (!plain) {
            enclosing.pop();
        }
    }

    /**
     * The FROM items of a nested SELECT, without the tables of enclosing FROM clauses it correlates to, as
     * SQLAlchemy does: {@link Select#correlate} names the tables to correlate, {@link Select#correlateExcept} those
     * not to; otherwise a SELECT of more than one FROM item correlates every enclosing table, and one of a single
     * FROM item correlates none (its FROM clause is never emptied).
     */
    private List<io.retort.sql.FromClause> correlatedFroms(Select select) {
        List<io.retort.sql.FromClause> all = select.froms();
        List<TableReference> correlate = select.correlateClause();
        List<TableReference> except = select.correlateExceptClause();
        if (enclosing.isEmpty() || (correlate == null && except == null && all.size() < 2)) {
            return all;
        }
        Set<TableReference> outer = new HashSet<>();
        enclosing.forEach(outer::addAll);
        List<io.retort.sql.FromClause> froms = new ArrayList<>();
        for (io.retort.sql.FromClause from : all) {
            boolean correlated = from instanceof TableReference && outer.contains(from)
                    && (correlate != null ? correlate.contains(from) : except == null || !except.contains(from));
            if (!correlated) {
                froms.add(from);
            }
        }
        if (froms.isEmpty() && correlate == null && !all.isEmpty()) {
            throw new io.retort.exception.CompileException("A subquery selecting from " + names(all) + " has no"
                    + " FROM clause left after correlating to the enclosing statement; name the tables to correlate"
                    + " with correlate(...) (none: correlate()), or leave some out with correlateExcept(...)");
        }
        return froms;
    }

    private static String names(List<io.retort.sql.FromClause> froms) {
        List<String> names = new ArrayList<>();
        for (io.retort.sql.FromClause from : froms) {
            for (TableReference table : tablesOf(from)) {
                names.add(table.name());
            }
        }
        return String.join(", ", names);
    }

    private static List<TableReference> tablesOf(io.retort.sql.FromClause from) {
        List<TableReference> tables = new ArrayList<>();
        if (from instanceof io.retort.sql.Join) {
            tables.addAll(tablesOf(((io.retort.sql.Join) from).left()));
            tables.add(((io.retort.sql.Join) from).right());
        } else if (from instanceof TableReference) {
            tables.add((TableReference) from);
        }
        return tables;
    }

    @Override
    public void visitInsert(Insert insert) {
        mayWrite = true;
        List<List<Assignment>> rows = insert.rows();
        List<Assignment> assignments = rows.get(0);
        if (assignments.isEmpty() && insert.fromSelectClause() == null) {
            throw new io.retort.exception.CompileException("INSERT into " + insert.table().name() + " has no values;"
                    + " give them with values(Map.of(\"column\", value))");
        }
        io.retort.sql.OnConflict onConflict = insert.onConflict();
        if (insert.fromSelectClause() != null) {
            if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.MERGE) {
                merge(insert, rows, onConflict);
                return;
            }
            append("INSERT INTO ");
            insert.table().accept(this);
            append(" (");
            for (int i = 0; i < insert.selectColumns().size(); i++) {
                append(i > 0 ? ", " : "").append(quote(insert.selectColumns().get(i)));
            }
            append(") ");
            Select select = insert.fromSelectClause();
            if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.ON_CONFLICT
                    && select.whereClause() == null) {
                // SQLite reads "FROM t ON CONFLICT" as the ON of a join: a WHERE clause ends the SELECT first.
                select = select.where(io.retort.sql.Sql.sqlCondition("1 = 1"));
            }
            select.accept(this);
            if (onConflict != null) {
                onConflict(insert.table(), onConflict);
            }
            returning("INSERT", insert.table().name(), insert.returningClause());
            return;
        }
        if (onConflict != null && dialect.upsertStyle() == Dialect.UpsertStyle.MERGE) {
            merge(insert, rows, onConflict);
            return;
        }
        append("INSERT INTO ");
        insert.table().accept(this);
        append(" (");
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "").append(quote(assignments.get(i).column().name()));
        }
        append(") VALUES ");
        rowValues(rows);
        if (onConflict != null) {
            onConflict(insert.table(), onConflict);
        }
        returning("INSERT", insert.table().name(), insert.returningClause());
    }

    private void rowValues(List<List<Assignment>> rows) {
        for (int row = 0; row < rows.size(); row++) {
            append(row > 0 ? ", (" : "(");
            insertValues(rows.get(row));
            append(")");
        }
    }

    private void insertValues(List<Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "");
            nameHint = assignments.get(i).column().name();
            assignments.get(i).value().accept(this);
        }
    }

    private void onConflict(TableReference table, io.retort.sql.OnConflict onConflict) {
        if (dialect.upsertStyle() == Dialect.UpsertStyle.ON_DUPLICATE_KEY) {
            // MySQL matches any unique key; a no-op assignment keeps the existing row (qualified: the rows of an
            // INSERT ... SELECT may have a column of that name too).
            append(" ON DUPLICATE KEY UPDATE ");
            if (onConflict.updateColumns().isEmpty()) {
                String column = quote(table.name()) + "." + quote(onConflict.conflictColumns().get(0));
                append(column).append(" = ").append(column);
                return;
            }
            List<String> updated = onConflict.updateColumns();
            for (int i = 0; i < updated.size(); i++) {
                String column = quote(updated.get(i));
                append(i > 0 ? ", " : "").append(column).append(" = VALUES(").append(column).append(")");
            }
            return;
        }
        append(" ON CONFLICT (");
        for (int i = 0; i < onConflict.conflictColumns().size(); i++) {
            append(i > 0 ? ", " : "").append(quote(onConflict.conflictColumns().get(i)));
        }
        append(")");
        if (onConflict.updateColumns().isEmpty()) {
            append(" DO NOTHING");
            return;
        }
        append(" DO UPDATE SET ");
        for (int i = 0; i < onConflict.updateColumns().size(); i++) {
            String column = quote(onConflict.updateColumns().get(i));
            append(i > 0 ? ", " : "").append(column).append(" = excluded.").append(column);
        }
    }

    /** H2: {@code MERGE INTO t USING (VALUES (...)) AS s (...) ON ... WHEN MATCHED ... WHEN NOT MATCHED ...}. */
    private void merge(Insert insert, List<List<Assignment>> rows, io.retort.sql.OnConflict onConflict) {
        if (!insert.returningClause().isEmpty()) {
            throw new io.retort.exception.CompileException("An upsert with RETURNING is not supported by "
                    + dialect.name());
        }
        String target = quote(insert.table().name());
        List<String> columns = new ArrayList<>();
        Select select = insert.fromSelectClause();
        if (select != null) {
            for (String column : insert.selectColumns()) {
                columns.add(quote(column));
            }
        } else {
            for (Assignment assignment : rows.get(0)) {
                columns.add(quote(assignment.column().name()));
            }
        }
        append("MERGE INTO ").append(target).append(" USING (");
        if (select != null) {
            select.accept(this);
        } else {
            append("VALUES ");
            rowValues(rows);
        }
        append(") AS excluded (").append(String.join(", ", columns)).append(") ON ");
        for (int i = 0; i < onConflict.conflictColumns().size(); i++) {
            String column = quote(onConflict.conflictColumns().get(i));
            append(i > 0 ? " AND " : "").append(target).append(".").append(column).append(" = excluded.")
                    .append(column);
        }
        if (!onConflict.updateColumns().isEmpty()) {
            append(" WHEN MATCHED THEN UPDATE SET ");
            for (int i = 0; i < onConflict.updateColumns().size(); i++) {
                String column = quote(onConflict.updateColumns().get(i));
                append(i > 0 ? ", " : "").append(column).append(" = excluded.").append(column);
            }
        }
        append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            append(i > 0 ? ", " : "").append("excluded.").append(columns.get(i));
        }
        append(")");
    }

    /** The tables a DML statement's WHERE clause names (outside subqueries) besides its target. */
    private static List<TableReference> otherTables(@Nullable Predicate where, TableReference target) {
        List<TableReference> others = new ArrayList<>();
        if (where != null) {
            for (TableReference table : io.retort.sql.Sql.referencedTables(where)) {
                if (!table.equals(target)) {
                    others.add(table);
                }
            }
        }
        return others;
    }

    /**
     * The WITH clause of an UPDATE or DELETE whose values or WHERE clause use a CTE. Where the database takes no
     * WITH before UPDATE or DELETE (MariaDB), a CTE used in a subquery is declared in that subquery instead.
     */
    private void dmlWithClause(SqlNode statement, TableReference target, List<TableReference> others) {
        if (plain) {
            return;
        }
        if (dialect.supportsCteOnDml()) {
            withClause(List.of(statement));
            return;
        }
        for (TableReference other : others) {
            TableReference base = other instanceof io.retort.sql.TableAlias
                    ? ((io.retort.sql.TableAlias) other).table() : other;
            if (base instanceof io.retort.sql.CommonTableExpression) {
                throw new io.retort.exception.CompileException("A WITH clause on UPDATE or DELETE (of "
                        + target.name() + ", naming CTE " + base.name() + ") is not supported by " + dialect.name()
                        + "; compare with a subquery of the CTE instead, e.g. where(" + target.name()
                        + ".c(\"id\").in(select(cte.c(\"id\"))))");
            }
        }
    }

    @Override
    public void visitUpdate(Update update) {
        mayWrite = true;
        List<Assignment> assignments = update.assignments();
        if (assignments.isEmpty()) {
            throw new io.retort.exception.CompileException("UPDATE " + update.table().name() + " has no values;"
                    + " give them with values(Map.of(\"column\", value))");
        }
        // Other tables the WHERE clause refers to (outside subqueries) make an UPDATE ... FROM.
        List<TableReference> others = otherTables(update.whereClause(), update.table());
        dmlWithClause(update, update.table(), others);
        Dialect.UpdateFromStyle style = dialect.updateFromStyle();
        if (!others.isEmpty() && style == Dialect.UpdateFromStyle.NONE) {
            throw new io.retort.exception.CompileException("UPDATE ... FROM (" + update.table().name() + " with "
                    + others.get(0).name() + ") is not supported by " + dialect.name()
                    + "; compare with a subquery instead, e.g. where(exists(select(...)))");
        }
        boolean multiTable = !others.isEmpty() && style == Dialect.UpdateFromStyle.MULTI_TABLE;
        append("UPDATE ");
        update.table().accept(this);
        if (multiTable) {
            for (TableReference other : others) {
                append(", ");
                other.accept(this);
            }
        }
        append(" SET ");
        // A subquery among the values correlates to the table being updated.
        Set<TableReference> targets = new HashSet<>(others);
        targets.add(update.table());
        enclosing.push(targets);
        for (int i = 0; i < assignments.size(); i++) {
            append(i > 0 ? ", " : "");
            if (multiTable) {
                append(quote(update.table().name())).append(".");
            }
            append(quote(assignments.get(i).column().name())).append("=");
            nameHint = assignments.get(i).column().name();
            assignments.get(i).value().accept(this);
        }
        enclosing.pop();
        if (!others.isEmpty() && style == Dialect.UpdateFromStyle.FROM) {
            append(" FROM ");
            visitAll(others, ", ");
        }
        if (update.whereClause() != null) {
            append(" WHERE ");
            enclosing.push(targets);
            update.whereClause().accept(this);
            enclosing.pop();
        }
        returning("UPDATE", update.table().name(), update.returningClause());
    }

    @Override
    public void visitDelete(Delete delete) {
        mayWrite = true;
        List<TableReference> others = otherTables(delete.whereClause(), delete.table());
        dmlWithClause(delete, delete.table(), others);
        Dialect.DeleteUsingStyle style = dialect.deleteUsingStyle();
        if (!others.isEmpty() && style == Dialect.DeleteUsingStyle.NONE) {
            throw new io.retort.exception.CompileException("DELETE ... USING (" + delete.table().name() + " with "
                    + others.get(0).name() + ") is not supported by " + dialect.name()
                    + "; compare with a subquery instead, e.g. where(exists(select(...)))");
        }
        append("DELETE FROM ");
        if (!others.isEmpty() && style == Dialect.DeleteUsingStyle.MULTI_TABLE) {
            // MySQL: DELETE FROM target USING target, other...: the target is named by its alias, if any.
            append(quote(delete.table().name())).append(" USING ");
            delete.table().accept(this);
            append(", ");
            visitAll(others, ", ");
        } else {
            delete.table().accept(this);
            if (!others.isEmpty()) {
                append(" USING ");
                visitAll(others, ", ");
            }
        }
        if (delete.whereClause() != null) {
            append(" WHERE ");
            Set<TableReference> targets = new HashSet<>(others);
            targets.add(delete.table());
            enclosing.push(targets);
            delete.whereClause().accept(this);
            enclosing.pop();
        }
        returning("DELETE", delete.table().name(), delete.returningClause());
    }
}
