package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.BindParameter;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.TableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SELECT, UNION and the like, WITH clauses, FROM items (tables, aliases, joins, derived tables) and subqueries, with
 * correlation to the enclosing statement.
 */
abstract class SelectRenderer extends FunctionRenderer {
    SelectRenderer(Dialect dialect, boolean render, boolean plain) {
        super(dialect, render, plain);
    }

    @Override
    public void visitTable(TableReference table) {
        if (table instanceof io.retort.sql.Values) {
            values((io.retort.sql.Values) table);
            return;
        }
        if (table instanceof io.retort.sql.TableValuedFunction) {
            tableValued((io.retort.sql.TableValuedFunction) table);
            return;
        }
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
                derived.body().accept(this);
            } else {
                // A plain derived table is not correlated: its SELECT sees no enclosing table.
                append("(");
                java.util.Deque<Set<TableReference>> saved = new java.util.ArrayDeque<>(enclosing);
                enclosing.clear();
                derived.body().accept(this);
                enclosing.addAll(saved);
            }
            append(") AS ").append(quote(table.name()));
            return;
        }
        if (table instanceof io.retort.sql.TableAlias) {
            ((io.retort.sql.TableAlias) table).table().accept(this);
            append(" AS ");
        }
        append(tableName(table));
    }

    /**
     * A function in FROM: {@code [LATERAL] f(...) AS name[(columns)]}; refused where the database has no
     * table-valued functions, no column list after an alias (SQLite), or no LATERAL.
     */
    private void tableValued(io.retort.sql.TableValuedFunction function) {
        String name = function.function().name();
        if (!dialect.supportsTableValuedFunctions()) {
            throw new io.retort.exception.CompileException("A table-valued function in FROM (" + name + ") is not"
                    + " supported by " + dialect.name() + ", whose only one, JSON_TABLE, declares its columns in"
                    + " another shape; write it with text(...) or select the document and read it in Java");
        }
        boolean columnList = function.isDerived()
                || function.isColumnValued() && !dialect.functionAliasNamesItsColumn();
        if (columnList && !dialect.supportsValuesColumnList()) {
            throw new io.retort.exception.CompileException((function.isColumnValued() ? "A column-valued function ("
                    + name + " AS " + function.name() + ")" : "A column list after a table-valued function (" + name
                    + " AS " + function.name() + "(...))") + " is not supported by " + dialect.name() + ", whose"
                    + " table-valued functions name their own columns; use tableValued(\"value\") with the"
                    + " function's column names, without renderDerived()");
        }
        if (function.isLateral()) {
            if (!dialect.supportsLateral()) {
                throw new io.retort.exception.CompileException("LATERAL (table-valued function " + name + ") is not"
                        + " supported by " + dialect.name() + "; leave out lateral(): a function in FROM may refer"
                        + " to the tables before it there");
            }
            append("LATERAL ");
        }
        sawCteOrDerived = true;
        function.function().accept(this);
        append(" AS ").append(quote(function.name()));
        if (columnList) {
            append("(");
            List<io.retort.sql.DerivedColumn<?>> columns = function.columnReferences();
            for (int i = 0; i < columns.size(); i++) {
                append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
                if (function.isDerivedWithTypes()) {
                    append(" ").append(render ? dialect.typeCompiler().castTypeName(columns.get(i).type()) : "");
                }
            }
            append(")");
        }
    }

    /**
     * A VALUES table: {@code (VALUES (?, ?), (?, ?)) AS v (a, b)} where the database names a derived table's columns,
     * else the same rows as {@code (SELECT ? AS a, ? AS b UNION ALL SELECT ?, ?) AS v} (SQLite's VALUES columns are
     * column1, column2, MariaDB's are named by the first row's values, and neither takes a column list).
     */
    private void values(io.retort.sql.Values values) {
        List<io.retort.sql.DerivedColumn<?>> columns = values.columnReferences();
        if (values.rows().isEmpty()) {
            throw new io.retort.exception.CompileException("VALUES " + values.name() + " has no rows; give them with"
                    + " data(List.of(List.of(...), ...))");
        }
        sawCteOrDerived = true;
        boolean columnList = dialect.supportsValuesColumnList();
        append(columnList ? "(VALUES " : "(");
        for (int r = 0; r < values.rows().size(); r++) {
            append(r == 0 ? "" : columnList ? ", " : " UNION ALL ").append(columnList ? "(" : "SELECT ");
            List<io.retort.sql.Expression<?>> row = values.rows().get(r);
            for (int i = 0; i < row.size(); i++) {
                append(i == 0 ? "" : ", ");
                row.get(i).accept(this);
                if (!columnList && r == 0) {
                    append(" AS ").append(quote(columns.get(i).name()));
                }
            }
            append(columnList ? ")" : "");
        }
        append(") AS ").append(quote(values.name()));
        if (columnList) {
            append(" (");
            for (int i = 0; i < columns.size(); i++) {
                append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
            }
            append(")");
        }
    }

    /** {@code WITH [RECURSIVE] name(columns) AS (...), ...} for the CTEs the statement uses and no WITH declared. */
    void withClause(List<? extends SqlNode> roots) {
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
        for (io.retort.sql.CommonTableExpression cte : ctes) {
            if (cte.isRecursive() && !dialect.recursiveUnionRemovesDuplicates()
                    && cte.body() instanceof io.retort.sql.CompoundSelect
                    && ((io.retort.sql.CompoundSelect) cte.body()).kind() == io.retort.sql.CompoundSelect.Kind.UNION) {
                throw new io.retort.exception.CompileException("A recursive CTE with UNION (" + cte.name() + ") is"
                        + " not supported by " + dialect.name() + ", which does not remove rows found before and"
                        + " would not end on a cycle; use unionAll(...) with a depth limit in its WHERE");
            }
        }
        for (io.retort.sql.CommonTableExpression cte : ctes) {
            boolean dml = cte.body() instanceof io.retort.sql.Insert || cte.body() instanceof io.retort.sql.Update
                    || cte.body() instanceof io.retort.sql.Delete;
            if (dml && !dialect.supportsDmlInCte()) {
                throw new io.retort.exception.CompileException("A data-modifying statement in WITH (CTE "
                        + cte.name() + ") is not supported by " + dialect.name() + "; execute the statement with"
                        + " its RETURNING, then the SELECT, in one transaction");
            }
        }
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
            throw new io.retort.exception.CompileException("FULL OUTER JOIN (of " + names(List.of(join.right()))
                    + ") is not supported by " + dialect.name() + "; use a LEFT OUTER JOIN united with its mirror"
                    + " image");
        }
        join.left().accept(this);
        append(" ").append(join.kind().sql()).append(" ");
        // A nested join on the right is parenthesized: a LEFT OUTER JOIN (b JOIN c ON ...) ON ...
        boolean nestedJoin = join.right() instanceof io.retort.sql.Join;
        append(nestedJoin ? "(" : "");
        join.right().accept(this);
        append(nestedJoin ? ")" : "");
        append(" ON ");
        join.onClause().accept(this);
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
        limitOffset(compound.limitClause(), compound.offsetClause());
    }

    /** The dialect's LIMIT/OFFSET clause, its text and its two parameters in the order they stand in it. */
    void limitOffset(@Nullable BindParameter<Integer> limit, @Nullable BindParameter<Integer> offset) {
        if (limit == null && offset == null) {
            return;
        }
        String clause = dialect.limitClause(limit != null, offset != null);
        int limitAt = clause.indexOf("{limit}");
        int offsetAt = clause.indexOf("{offset}");
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
            BindParameter<Integer> value = isLimit ? limit : offset;
            if (value == null) {
                throw new IllegalStateException(dialect.name() + "'s LIMIT/OFFSET clause " + clause + " has a place"
                        + " for " + nameHint + ", which the statement does not have");
            }
            value.accept(this);
            copied = at + (isLimit ? "{limit}".length() : "{offset}".length());
        }
        append(clause.substring(copied));
    }

    /** {@code [OFFSET ? ROWS] FETCH FIRST ? ROWS WITH TIES}, the standard's form. */
    private void fetchWithTies(Select select) {
        if (!dialect.supportsFetchWithTies()) {
            throw new io.retort.exception.CompileException("FETCH FIRST ... WITH TIES is not supported by "
                    + dialect.name() + "; rank the rows with rank().over(Window.orderBy(...)) in a subquery and keep"
                    + " those of rank <= n");
        }
        if (select.orderByClause().isEmpty()) {
            throw new io.retort.exception.CompileException("FETCH FIRST ... WITH TIES needs an ORDER BY, which"
                    + " decides the ties; add orderBy(...)");
        }
        BindParameter<Integer> offset = select.offsetClause();
        if (offset != null) {
            append(" OFFSET ");
            nameHint = "offset";
            offset.accept(this);
            append(" ROWS");
        }
        BindParameter<Integer> limit = select.limitClause();
        if (limit == null) {
            throw new io.retort.exception.CompileException("FETCH FIRST ... WITH TIES needs a limit; add limit(n)");
        }
        append(" FETCH FIRST ");
        nameHint = "limit";
        java.util.Objects.requireNonNull(select.limitClause(), "fetch() sets the limit").accept(this);
        append(" ROWS WITH TIES");
    }

    void nestedSelect(Select select) {
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
        if (!select.distinctOnClause().isEmpty()) {
            if (!dialect.supportsDistinctOn()) {
                throw new io.retort.exception.CompileException("SELECT DISTINCT ON is not supported by "
                        + dialect.name() + "; number the rows with row_number().over(Window.partitionBy(...)"
                        + " .orderBy(...)) in a subquery and keep row 1");
            }
            append("SELECT ");
            prefixes(select.prefixes());
            append("DISTINCT ON (");
            visitAll(select.distinctOnClause(), ", ");
            append(") ");
        } else {
            append("SELECT ");
            prefixes(select.prefixes());
            append(select.isDistinct() ? "DISTINCT " : "");
        }
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
        columnsClause(select.columns());
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
        if (select.isWithTies()) {
            fetchWithTies(select);
        } else {
            limitOffset(select.limitClause(), select.offsetClause());
        }
        io.retort.sql.RowLock rowLock = select.rowLockClause();
        if (rowLock != null) {
            mayWrite = true; // takes row locks
            if (!dialect.forUpdateWithGrouping() && (select.isDistinct() || !select.groupByClause().isEmpty())) {
                throw new io.retort.exception.CompileException("FOR UPDATE with GROUP BY or DISTINCT is not"
                        + " supported by " + dialect.name() + ": grouped rows cannot be locked; lock the rows in a"
                        + " subquery instead");
            }
            append(render ? dialect.rowLockClause(rowLock) : "");
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
    List<io.retort.sql.FromClause> correlatedFroms(Select select) {
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

    static String names(List<io.retort.sql.FromClause> froms) {
        List<String> names = new ArrayList<>();
        for (io.retort.sql.FromClause from : froms) {
            for (TableReference table : tablesOf(from)) {
                names.add(table.name());
            }
        }
        return String.join(", ", names);
    }

    static List<TableReference> tablesOf(io.retort.sql.FromClause from) {
        List<TableReference> tables = new ArrayList<>();
        if (from instanceof io.retort.sql.Join) {
            tables.addAll(tablesOf(((io.retort.sql.Join) from).left()));
            tables.addAll(tablesOf(((io.retort.sql.Join) from).right()));
        } else if (from instanceof TableReference) {
            tables.add((TableReference) from);
        }
        return tables;
    }
}
