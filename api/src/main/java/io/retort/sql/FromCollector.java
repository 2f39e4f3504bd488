package io.retort.sql;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the tables an expression's columns belong to, in order of appearance, for the FROM clause a SELECT derives.
 * Does not descend into nested statements.
 */
final class FromCollector implements SqlVisitor {
    private final Set<TableReference> tables = new LinkedHashSet<>();

    static Set<TableReference> tablesOf(Iterable<? extends SqlNode> nodes) {
        FromCollector collector = new FromCollector();
        for (SqlNode node : nodes) {
            node.accept(collector);
        }
        return collector.tables;
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        tables.add(column.tableReference());
    }

    @Override
    public void visitTable(TableReference table) {
    }

    @Override
    public void visitJoin(Join join) {
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
    }

    @Override
    public void visitTextFragment(TextFragment<?> fragment) {
    }

    @Override
    public void visitTuple(Tuple tuple) {
        tuple.elements().forEach(e -> e.accept(this));
    }

    @Override
    public void visitTupleIn(Tuple.TupleIn in) {
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
        between.low().accept(this);
        between.high().accept(this);
    }

    @Override
    public void visitLike(Like like) {
        like.expression().accept(this);
        like.pattern().accept(this);
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
        if (caseExpression.otherwiseValue() != null) {
            caseExpression.otherwiseValue().accept(this);
        }
    }

    @Override
    public void visitDistinctFrom(DistinctFrom distinctFrom) {
        distinctFrom.left().accept(this);
        distinctFrom.right().accept(this);
    }

    @Override
    public void visitOver(Over<?> over) {
        over.function().accept(this);
        over.window().partitionBy().forEach(e -> e.accept(this));
        over.window().orderBy().forEach(o -> o.accept(this));
    }

    @Override
    public void visitFiltered(Filtered<?> filtered) {
        filtered.function().accept(this);
        filtered.predicate().accept(this);
    }

    @Override
    public void visitFunction(FunctionCall<?> function) {
        function.arguments().forEach(a -> a.accept(this));
    }

    @Override
    public void visitSubquery(Subquery<?> subquery) {
    }

    @Override
    public void visitExists(Exists exists) {
    }

    @Override
    public void visitInSubquery(InSubquery in) {
        in.expression().accept(this);
    }

    @Override
    public void visitSelect(Select select) {
    }

    @Override
    public void visitCompoundSelect(CompoundSelect compound) {
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
