package io.retort.impl.compiler;

import io.retort.sql.BindParameter;
import io.retort.sql.ColumnReference;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.DerivedTable;
import io.retort.sql.OrderBy;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.SqlVisitor;
import io.retort.sql.TableAlias;
import io.retort.sql.TableReference;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One walk of a statement that yields its cache key and its bound values together, as SQLAlchemy's
 * {@code _generate_cache_key} does: every node adds what decides its SQL (its kind, operators, names, types, the
 * number of its children) to a flat list of tokens, and every bound value goes to the values instead, in the order
 * the walk meets them. Two statements with equal keys compile to the same SQL, whatever their values; the compiled
 * form maps each placeholder to the position of its value here ({@link ExpressionCompiler#compileKeyed}).
 *
 * <p>Tables and columns of a schema are tokens by identity; a derived table or CTE met again (a second column of it)
 * is a back reference to where it was first walked, so its body is walked once. A bound value met again (one
 * parameter object used twice) is a back reference too: the key then says that the two places share one value.
 * Not thread-safe; one instance per walk.
 */
public final class CacheKeyWalker implements SqlVisitor {
    private @Nullable Object[] tokens = new Object[32];
    private int size;
    private int hash = 1;
    /**
     * The parameters in the order their values were taken, in the first {@link #bindCount} places; identity decides
     * whether one was met before. Their values and types are read from them when {@link #bound} orders them.
     */
    private BindParameter<?>[] binds = new BindParameter<?>[4];
    private int bindCount;
    private @Nullable Map<BindParameter<?>, Integer> bindIndex;
    /** The derived tables and CTEs met so far, made on the first one (most statements have none). */
    private @Nullable List<TableReference> derived;
    boolean computed;

    private CacheKeyWalker() {
    }

    /** Walks a statement once: its key, and its values and types in the order of {@link #binds}. */
    public static CacheKeyWalker walk(SqlNode statement) {
        CacheKeyWalker walker = new CacheKeyWalker();
        walker.token(statement.getClass());
        statement.accept(walker);
        return walker;
    }

    /** The cache key: the tokens with their hash; equal keys compile to the same SQL. */
    public Object key() {
        return new CacheKey(java.util.Arrays.copyOf(tokens, size), size, hash);
    }

    /**
     * The cache key for looking up only, equal to {@link #key()}: it shares this walk's token array instead of copying
     * it (a lookup that hits, the usual case, then copies nothing). Store {@link #key()}, never this one.
     */
    public Object probeKey() {
        return new CacheKey(tokens, size, hash);
    }

    void token(@Nullable Object token) {
        if (size == tokens.length) {
            tokens = java.util.Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
        hash = 31 * hash + (token == null ? 0 : token.hashCode());
    }

    void count(int n) {
        token(Integer.valueOf(n));
    }

    void node(@Nullable SqlNode node) {
        if (node == null) {
            token(null);
        } else {
            node.accept(this);
        }
    }

    void all(List<? extends SqlNode> nodes) {
        count(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).accept(this);
        }
    }

    /** The index of a parameter already met (by identity), or -1. */
    private int indexOf(BindParameter<?> bind) {
        if (bindIndex != null) {
            Integer index = bindIndex.get(bind);
            return index == null ? -1 : index;
        }
        for (int i = 0; i < bindCount; i++) {
            if (binds[i] == bind) {
                return i;
            }
        }
        if (bindCount >= 16) {
            // Many values (a multi-row INSERT): look them up by identity from now on.
            bindIndex = new IdentityHashMap<>();
            for (int i = 0; i < bindCount; i++) {
                bindIndex.put(binds[i], i);
            }
        }
        return -1;
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
        int seen = indexOf(bind);
        if (seen >= 0) {
            token(SharedValue.class);
            count(seen);
            return;
        }
        // A computed value's compiled form holds the parameter itself (its supplier runs at each execution): a plain
        // value in the same place is another statement, or the cached form would run the supplier instead of it.
        token(BIND_KINDS[(bind.isExpanding() ? 1 : 0) | (bind.isComputed() ? 2 : 0)]);
        token(bind.type());
        token(bind.name());
        if (bindIndex != null) {
            bindIndex.put(bind, bindCount);
        }
        if (bindCount == binds.length) {
            binds = java.util.Arrays.copyOf(binds, bindCount * 2);
        }
        binds[bindCount++] = bind;
        computed |= bind.isComputed();
    }

    /**
     * The values and types in placeholder order, as {@code sources} (from {@link ExpressionCompiler#compileKeyed})
     * says where each comes from: an index into this walk's values, or a {@link BindParameter} the compiled form
     * holds itself (one the compiler made, or a computed one, whose value is computed now).
     */
    public ExpressionCompiler.Bound bound(Object[] sources) {
        @Nullable Object[] ordered = new Object[sources.length];
        @Nullable SqlType<?>[] orderedTypes = new SqlType<?>[sources.length];
        boolean anyComputed = false;
        for (int i = 0; i < sources.length; i++) {
            Object source = sources[i];
            if (source instanceof Integer) {
                // A computed value (a client-side default) is computed when the values are put in placeholder order.
                BindParameter<?> bind = binds[(Integer) source];
                ordered[i] = bind.name() != null ? new ExpressionCompiler.Named(bind.name())
                        : bind.isComputed() ? null : bind.value();
                orderedTypes[i] = bind.type();
            } else if (source instanceof ExpressionCompiler.Named) {
                ordered[i] = source;
            } else {
                BindParameter<?> bind = (BindParameter<?>) source;
                ordered[i] = bind.name() != null ? new ExpressionCompiler.Named(bind.name()) : bind.value();
                orderedTypes[i] = bind.type();
                anyComputed |= bind.isComputed();
            }
        }
        return new ExpressionCompiler.Bound(java.util.Arrays.asList(ordered), java.util.Arrays.asList(orderedTypes),
                anyComputed);
    }

    /** The index of the value of a parameter met in this walk (by identity), or -1. */
    int sourceOf(BindParameter<?> bind) {
        return bind.isComputed() ? -1 : indexOf(bind);
    }

    /** The first token of a parameter: a plain, expanding, computed, or expanding and computed one. */
    private static final BindKind[] BIND_KINDS = {new BindKind(), new BindKind(), new BindKind(), new BindKind()};

    /** A kind of parameter, a token compared by identity. */
    private static final class BindKind {
    }

    /** The token of a parameter met before: the index of its first place. */
    private static final class SharedValue {
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        if (column instanceof io.retort.schema.Column) {
            token(column); // by identity, with its table
            return;
        }
        token(column.getClass());
        token(column.name());
        token(column.type());
        table(column.tableReference());
    }

    /** A table named by a column or a FROM clause. */
    void table(TableReference table) {
        if (table instanceof io.retort.schema.Table) {
            token(table);
            return;
        }
        if (table instanceof TableAlias) {
            token(TableAlias.class);
            token(table.name());
            table(((TableAlias) table).table());
            return;
        }
        if (table instanceof DerivedTable || table instanceof CommonTableExpression
                || table instanceof io.retort.sql.TableValuedFunction) {
            List<TableReference> met = derived;
            if (met == null) {
                met = new ArrayList<>(2);
                derived = met;
            }
            for (int i = 0; i < met.size(); i++) {
                if (met.get(i) == table) {
                    token(DerivedTable.class);
                    count(i);
                    return;
                }
            }
            met.add(table);
            token(table.getClass());
            token(table.name());
            List<? extends ColumnReference<?>> columns = table.columnReferences();
            count(columns.size());
            for (ColumnReference<?> column : columns) {
                token(column.name());
                token(column.type());
            }
            if (table instanceof io.retort.sql.TableValuedFunction) {
                StatementKeys.tableValued(this, (io.retort.sql.TableValuedFunction) table);
            } else if (table instanceof DerivedTable) {
                token(((DerivedTable) table).isLateral() ? Boolean.TRUE : Boolean.FALSE);
                statement(((DerivedTable) table).body());
            } else {
                token(((CommonTableExpression) table).isRecursive() ? Boolean.TRUE : Boolean.FALSE);
                statement(((CommonTableExpression) table).body());
            }
            return;
        }
        if (table instanceof io.retort.sql.Values) {
            // Rows hold bound values: walked for the key's shape and the values, as any expression.
            io.retort.sql.Values values = (io.retort.sql.Values) table;
            token(io.retort.sql.Values.class);
            token(values.name());
            count(values.columnReferences().size());
            for (ColumnReference<?> column : values.columnReferences()) {
                token(column.name());
                token(column.type());
            }
            count(values.rows().size());
            for (List<io.retort.sql.Expression<?>> row : values.rows()) {
                all(row);
            }
            return;
        }
        // Another kind of table: its own equality decides (no values inside).
        token(table);
    }

    void statement(SqlNode body) {
        token(body.getClass());
        body.accept(this);
    }

    @Override
    public void visitTable(TableReference table) {
        table(table);
    }

    @Override
    public void visitJoin(io.retort.sql.Join join) {
        token(io.retort.sql.Join.class);
        token(join.kind());
        node(join.left());
        node(join.right());
        node(join.onClause());
    }

    @Override
    public void visitTuple(io.retort.sql.Tuple tuple) {
        token(io.retort.sql.Tuple.class);
        all(tuple.elements());
    }

    @Override
    public void visitTupleIn(io.retort.sql.Tuple.TupleIn in) {
        token(io.retort.sql.Tuple.TupleIn.class);
        node(in.tuple());
        all(in.rows());
    }

    @Override
    public void visitTextFragment(io.retort.sql.TextFragment<?> fragment) {
        token(fragment); // its SQL text and type; its :name parameters are given at execution
    }

    @Override
    public void visitComparison(io.retort.sql.Comparison comparison) {
        token(io.retort.sql.Comparison.class);
        token(comparison.operator());
        node(comparison.left());
        node(comparison.right());
    }

    @Override
    public void visitJunction(io.retort.sql.Junction junction) {
        token(io.retort.sql.Junction.class);
        token(junction.kind());
        all(junction.predicates());
    }

    @Override
    public void visitNegation(io.retort.sql.Negation negation) {
        token(io.retort.sql.Negation.class);
        node(negation.predicate());
    }

    @Override
    public void visitNullTest(io.retort.sql.NullTest test) {
        token(io.retort.sql.NullTest.class);
        token(test.negated() ? Boolean.TRUE : Boolean.FALSE);
        node(test.expression());
    }

    @Override
    public void visitInList(io.retort.sql.InList in) {
        token(io.retort.sql.InList.class);
        token(in.negated() ? Boolean.TRUE : Boolean.FALSE);
        node(in.expression());
        node(in.values());
    }

    @Override
    public void visitBetween(io.retort.sql.Between between) {
        token(io.retort.sql.Between.class);
        node(between.expression());
        node(between.low());
        node(between.high());
    }

    @Override
    public void visitLike(io.retort.sql.Like like) {
        token(io.retort.sql.Like.class);
        token(like.negated() ? Boolean.TRUE : Boolean.FALSE);
        token(like.ignoreCase() ? Boolean.TRUE : Boolean.FALSE);
        token(like.escapeChar());
        node(like.expression());
        node(like.pattern());
    }

    @Override
    public void visitOrderBy(OrderBy orderBy) {
        token(OrderBy.class);
        token(orderBy.descending() ? Boolean.TRUE : Boolean.FALSE);
        token(orderBy.placeNullsFirst());
        node(orderBy.expression());
    }

    @Override
    public void visitLabeled(io.retort.sql.Labeled<?> labeled) {
        token(io.retort.sql.Labeled.class);
        token(labeled.name());
        node(labeled.expression());
    }

    @Override
    public void visitOperation(io.retort.sql.Operation<?> operation) {
        token(io.retort.sql.Operation.class);
        token(operation.operator());
        token(operation.type());
        node(operation.left());
        node(operation.right());
    }

    @Override
    public void visitCast(io.retort.sql.Cast<?> cast) {
        token(io.retort.sql.Cast.class);
        token(cast.type());
        node(cast.expression());
    }

    @Override
    public void visitCase(io.retort.sql.Case<?> caseExpression) {
        token(io.retort.sql.Case.class);
        token(caseExpression.type());
        count(caseExpression.whens().size());
        for (io.retort.sql.Case.When when : caseExpression.whens()) {
            node(when.predicate());
            node(when.value());
        }
        node(caseExpression.otherwiseValue());
    }

    @Override
    public void visitDistinctFrom(io.retort.sql.DistinctFrom distinctFrom) {
        token(io.retort.sql.DistinctFrom.class);
        token(distinctFrom.negated() ? Boolean.TRUE : Boolean.FALSE);
        node(distinctFrom.left());
        node(distinctFrom.right());
    }

    @Override
    public void visitOver(io.retort.sql.Over<?> over) {
        token(io.retort.sql.Over.class);
        node(over.function());
        io.retort.sql.Window window = over.window();
        all(window.partitionBy());
        all(window.orderBy());
        token(window.frameStart());
        token(window.frameEnd());
        token(window.framed() ? Boolean.TRUE : Boolean.FALSE);
        token(window.unit());
        token(window.exclusion());
    }

    @Override
    public void visitFiltered(io.retort.sql.Filtered<?> filtered) {
        token(io.retort.sql.Filtered.class);
        node(filtered.function());
        node(filtered.predicate());
    }

    @Override
    public void visitFunction(io.retort.sql.FunctionCall<?> function) {
        token(io.retort.sql.FunctionCall.class);
        token(function.name());
        token(function.type());
        all(function.arguments());
    }

    @Override
    public void visitSubquery(io.retort.sql.Subquery<?> subquery) {
        token(io.retort.sql.Subquery.class);
        token(subquery.type());
        visitSelect(subquery.select());
    }

    @Override
    public void visitExists(io.retort.sql.Exists exists) {
        token(io.retort.sql.Exists.class);
        token(exists.negated() ? Boolean.TRUE : Boolean.FALSE);
        visitSelect(exists.select());
    }

    @Override
    public void visitInSubquery(io.retort.sql.InSubquery in) {
        token(io.retort.sql.InSubquery.class);
        token(in.negated() ? Boolean.TRUE : Boolean.FALSE);
        node(in.expression());
        visitSelect(in.select());
    }

    @Override
    public void visitSelect(Select select) {
        StatementKeys.select(this, select);
    }

    @Override
    public void visitCompoundSelect(io.retort.sql.CompoundSelect compound) {
        StatementKeys.compoundSelect(this, compound);
    }

    @Override
    public void visitInsert(io.retort.sql.Insert insert) {
        StatementKeys.insert(this, insert);
    }

    @Override
    public void visitUpdate(io.retort.sql.Update update) {
        StatementKeys.update(this, update);
    }

    @Override
    public void visitDelete(io.retort.sql.Delete delete) {
        StatementKeys.delete(this, delete);
    }

    @Override
    public void visitUnary(io.retort.sql.Unary<?> unary) {
        token(io.retort.sql.Unary.class);
        token(unary.operator());
        node(unary.operand());
    }

    @Override
    public void visitExcluded(io.retort.sql.Excluded<?> excluded) {
        token(io.retort.sql.Excluded.class);
        node(excluded.column());
    }

    @Override
    public void visitJsonAccess(io.retort.sql.JsonAccess<?> access) {
        token(io.retort.sql.JsonAccess.class);
        token(access.asText() ? Boolean.TRUE : Boolean.FALSE);
        token(access.type());
        count(access.path().size());
        access.path().forEach(this::token);
        node(access.document());
    }

    @Override
    public void visitJsonContains(io.retort.sql.JsonContains contains) {
        token(io.retort.sql.JsonContains.class);
        node(contains.document());
        node(contains.contained());
    }

    @Override
    public void visitRegexpMatch(io.retort.sql.RegexpMatch match) {
        token(io.retort.sql.RegexpMatch.class);
        token(match.negated() ? Boolean.TRUE : Boolean.FALSE);
        node(match.expression());
        node(match.pattern());
    }

    @Override
    public void visitBooleanLiteral(io.retort.sql.BooleanLiteral literal) {
        token(literal.value() ? BooleanLiteralTrue.class : BooleanLiteralFalse.class);
    }

    @Override
    public void visitStar(io.retort.sql.Star star) {
        token(io.retort.sql.Star.class);
        TableReference table = star.table();
        if (table == null) {
            token(null);
        } else {
            table(table);
        }
    }

    @Override
    public void visitWithinGroup(io.retort.sql.WithinGroup<?> withinGroup) {
        token(io.retort.sql.WithinGroup.class);
        token(withinGroup.type());
        node(withinGroup.function());
        all(withinGroup.orderBy());
    }

    @Override
    public void visitArray(io.retort.sql.ArrayExpression<?> array) {
        token(io.retort.sql.ArrayExpression.class);
        token(array.kind());
        token(array.type());
        all(array.operands());
    }

    @Override
    public void visitArrayComparison(io.retort.sql.ArrayComparison comparison) {
        token(io.retort.sql.ArrayComparison.class);
        token(comparison.operator());
        node(comparison.left());
        node(comparison.right());
    }

    private static final class BooleanLiteralTrue {
    }

    private static final class BooleanLiteralFalse {
    }
}
