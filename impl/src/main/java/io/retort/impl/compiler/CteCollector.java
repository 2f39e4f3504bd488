package io.retort.impl.compiler;

import io.retort.sql.Between;
import io.retort.sql.BindParameter;
import io.retort.sql.Case;
import io.retort.sql.Cast;
import io.retort.sql.ColumnReference;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.Comparison;
import io.retort.sql.CompoundSelect;
import io.retort.sql.Delete;
import io.retort.sql.DistinctFrom;
import io.retort.sql.Exists;
import io.retort.sql.FunctionCall;
import io.retort.sql.InList;
import io.retort.sql.InSubquery;
import io.retort.sql.Insert;
import io.retort.sql.Join;
import io.retort.sql.Junction;
import io.retort.sql.Labeled;
import io.retort.sql.Like;
import io.retort.sql.Negation;
import io.retort.sql.NullTest;
import io.retort.sql.Operation;
import io.retort.sql.OrderBy;
import io.retort.sql.Select;
import io.retort.sql.SqlVisitor;
import io.retort.sql.Subquery;
import io.retort.sql.TableReference;
import io.retort.sql.Update;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Finds the common table expressions a statement uses, anywhere in it, each once by name and after the CTEs its own
 * body uses, so that a WITH clause can declare them in a valid order.
 */
final class CteCollector implements SqlVisitor {
    private final Map<String, CommonTableExpression> found = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    static List<CommonTableExpression> of(List<? extends io.retort.sql.SqlNode> roots) {
        CteCollector collector = new CteCollector();
        for (io.retort.sql.SqlNode root : roots) {
            root.accept(collector);
        }
        return List.copyOf(collector.found.values());
    }

    @Override
    public void visitTable(TableReference table) {
        if (table instanceof io.retort.sql.DerivedTable) {
            ((io.retort.sql.DerivedTable) table).select().accept(this);
        }
        if (table instanceof CommonTableExpression) {
            CommonTableExpression cte = (CommonTableExpression) table;
            if (!found.containsKey(cte.name()) && inProgress.add(cte.name())) {
                cte.body().accept(this);
                found.put(cte.name(), cte);
            }
        }
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        column.tableReference().accept(this);
    }

    @Override
    public void visitJoin(Join join) {
        join.left().accept(this);
        join.right().accept(this);
        join.onClause().accept(this);
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
    }

    @Override
    public void visitTextFragment(io.retort.sql.TextFragment<?> fragment) {
    }

    @Override
    public void visitTuple(io.retort.sql.Tuple tuple) {
        tuple.elements().forEach(e -> e.accept(this));
    }

    @Override
    public void visitTupleIn(io.retort.sql.Tuple.TupleIn in) {
        in.tuple().accept(this);
    }

    @Override
    public void visitComparison(Comparison comparison) {
        comparison.left().accept(this);
        comparison.right().accept(this);
    }

    @Override
    public void visitJunction(Junction junction) {
        junction.predicates().forEach(p -> p.accept(this));
    }

    @Override
    public void visitNegation(Negation negation) {
        negation.predicate().accept(this);
    }

    @Override
    public void visitNullTest(NullTest test) {
        test.expression().accept(this);
    }

    @Override
    public void visitInList(InList in) {
        in.expression().accept(this);
    }

    @Override
    public void visitBetween(Between between) {
        between.expression().accept(this);
    }

    @Override
    public void visitLike(Like like) {
        like.expression().accept(this);
    }

    @Override
    public void visitOrderBy(OrderBy orderBy) {
        orderBy.expression().accept(this);
    }

    @Override
    public void visitLabeled(Labeled<?> labeled) {
        labeled.expression().accept(this);
    }

    @Override
    public void visitOperation(Operation<?> operation) {
        operation.left().accept(this);
        operation.right().accept(this);
    }

    @Override
    public void visitCast(Cast<?> cast) {
        cast.expression().accept(this);
    }

    @Override
    public void visitCase(Case<?> caseExpression) {
        for (Case.When when : caseExpression.whens()) {
            when.predicate().accept(this);
            when.value().accept(this);
        }
    }

    @Override
    public void visitDistinctFrom(DistinctFrom distinctFrom) {
        distinctFrom.left().accept(this);
    }

    @Override
    public void visitOver(io.retort.sql.Over<?> over) {
        over.function().accept(this);
    }

    @Override
    public void visitFiltered(io.retort.sql.Filtered<?> filtered) {
        filtered.function().accept(this);
        filtered.predicate().accept(this);
    }

    @Override
    public void visitFunction(FunctionCall<?> function) {
        function.arguments().forEach(a -> a.accept(this));
    }

    @Override
    public void visitSubquery(Subquery<?> subquery) {
        subquery.select().accept(this);
    }

    @Override
    public void visitExists(Exists exists) {
        exists.select().accept(this);
    }

    @Override
    public void visitInSubquery(InSubquery in) {
        in.expression().accept(this);
        in.select().accept(this);
    }

    @Override
    public void visitSelect(Select select) {
        select.froms().forEach(f -> f.accept(this));
        select.columns().forEach(c -> c.accept(this));
        if (select.whereClause() != null) {
            select.whereClause().accept(this);
        }
    }

    @Override
    public void visitCompoundSelect(CompoundSelect compound) {
        compound.selects().forEach(s -> s.accept(this));
    }

    @Override
    public void visitInsert(Insert insert) {
    }

    @Override
    public void visitUpdate(Update update) {
    }

    @Override
    public void visitDelete(Delete delete) {
    }
}
