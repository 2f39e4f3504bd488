package io.retort.sql;

/**
 * A {@link SqlVisitor} that walks into every expression's children and does nothing else; subclasses override the
 * nodes they care about. Nested statements (subqueries) are entered through {@link #visitNested(Select)}, which does
 * nothing by default, so a walker stays within one statement unless it chooses to descend.
 */
public abstract class SqlWalker implements SqlVisitor {

    /** For subclasses. */
    protected SqlWalker() {
    }

    /** Called for a SELECT nested in the walked statement (a subquery); does nothing by default. */
    protected void visitNested(Select select) {
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
    }

    @Override
    public void visitTable(TableReference table) {
    }

    @Override
    public void visitJoin(Join join) {
        join.left().accept(this);
        join.right().accept(this);
        join.onClause().accept(this);
    }

    @Override
    public void visitTuple(Tuple tuple) {
        tuple.elements().forEach(e -> e.accept(this));
    }

    @Override
    public void visitTupleIn(Tuple.TupleIn in) {
        in.tuple().accept(this);
        in.rows().forEach(r -> r.accept(this));
    }

    @Override
    public void visitTextFragment(TextFragment<?> fragment) {
    }

    @Override
    public void visitBind(BindParameter<?> bind) {
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
        visitNested(subquery.select());
    }

    @Override
    public void visitExists(Exists exists) {
        visitNested(exists.select());
    }

    @Override
    public void visitInSubquery(InSubquery in) {
        in.expression().accept(this);
        visitNested(in.select());
    }

    @Override
    public void visitSelect(Select select) {
        visitNested(select);
    }

    @Override
    public void visitCompoundSelect(CompoundSelect compound) {
        compound.selects().forEach(this::visitNested);
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

    @Override
    public void visitUnary(Unary<?> unary) {
        unary.operand().accept(this);
    }

    @Override
    public void visitExcluded(Excluded<?> excluded) {
    }

    @Override
    public void visitJsonAccess(JsonAccess<?> access) {
        access.document().accept(this);
    }

    @Override
    public void visitJsonContains(JsonContains contains) {
        contains.document().accept(this);
        contains.contained().accept(this);
    }

    @Override
    public void visitRegexpMatch(RegexpMatch match) {
        match.expression().accept(this);
        match.pattern().accept(this);
    }

    @Override
    public void visitBooleanLiteral(BooleanLiteral literal) {
    }

    @Override
    public void visitStar(Star star) {
        TableReference table = star.table();
        if (table != null) {
            table.accept(this);
        }
    }

    @Override
    public void visitWithinGroup(WithinGroup<?> withinGroup) {
        withinGroup.function().accept(this);
        withinGroup.orderBy().forEach(o -> o.accept(this));
    }

    @Override
    public void visitArray(ArrayExpression<?> array) {
        array.operands().forEach(o -> o.accept(this));
    }

    @Override
    public void visitArrayComparison(ArrayComparison comparison) {
        comparison.left().accept(this);
        comparison.right().accept(this);
    }
}
