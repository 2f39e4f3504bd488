package io.retort.sql;

/**
 * Visits the nodes of a statement, in the order they are rendered. The implementation's compiler is one; code that
 * walks statements (to collect bound values, say) is another. Each node calls the method for its kind.
 */
public interface SqlVisitor {
    /** A column of a table. */
    void visitColumn(ColumnReference<?> column);

    /** A table in a FROM clause or as a statement's target. */
    void visitTable(TableReference table);

    /** A join of tables. */
    void visitJoin(Join join);

    /** A row value {@code (a, b)}. */
    void visitTuple(Tuple tuple);

    /** {@code (a, b) IN ((?, ?), ...)}. */
    void visitTupleIn(Tuple.TupleIn in);

    /** Literal SQL inside a statement. */
    void visitTextFragment(TextFragment<?> fragment);

    /** A value bound to the statement. */
    void visitBind(BindParameter<?> bind);

    /** {@code left op right}. */
    void visitComparison(Comparison comparison);

    /** {@code a AND b AND c} or {@code a OR b}. */
    void visitJunction(Junction junction);

    /** {@code NOT p}. */
    void visitNegation(Negation negation);

    /** {@code x IS [NOT] NULL}. */
    void visitNullTest(NullTest test);

    /** {@code x [NOT] IN (...)}. */
    void visitInList(InList in);

    /** {@code x BETWEEN a AND b}. */
    void visitBetween(Between between);

    /** {@code x [NOT] LIKE p}, or a case-insensitive match. */
    void visitLike(Like like);

    /** An ORDER BY item. */
    void visitOrderBy(OrderBy orderBy);

    /** {@code expression AS name}. */
    void visitLabeled(Labeled<?> labeled);

    /** Arithmetic or concatenation. */
    void visitOperation(Operation<?> operation);

    /** {@code CAST(x AS type)}. */
    void visitCast(Cast<?> cast);

    /** {@code CASE WHEN ... END}. */
    void visitCase(Case<?> caseExpression);

    /** {@code a IS [NOT] DISTINCT FROM b}. */
    void visitDistinctFrom(DistinctFrom distinctFrom);

    /** {@code f(...) OVER (...)}. */
    void visitOver(Over<?> over);

    /** {@code f(...) FILTER (WHERE ...)}. */
    void visitFiltered(Filtered<?> filtered);

    /** {@code name(arguments...)}. */
    void visitFunction(FunctionCall<?> function);

    /** {@code (SELECT ...)} as a value. */
    void visitSubquery(Subquery<?> subquery);

    /** {@code [NOT] EXISTS (SELECT ...)}. */
    void visitExists(Exists exists);

    /** {@code x [NOT] IN (SELECT ...)}. */
    void visitInSubquery(InSubquery in);

    /** A SELECT statement. */
    void visitSelect(Select select);

    /** SELECTs combined by UNION, INTERSECT or EXCEPT. */
    void visitCompoundSelect(CompoundSelect compound);

    /** An INSERT statement. */
    void visitInsert(Insert insert);

    /** An UPDATE statement. */
    void visitUpdate(Update update);

    /** A DELETE statement. */
    void visitDelete(Delete delete);

    /** {@code DISTINCT x} or {@code -x}. */
    void visitUnary(Unary<?> unary);

    /** The value an upsert's INSERT proposed for a column. */
    void visitExcluded(Excluded<?> excluded);

    /** The value at a key path of a JSON document. */
    void visitJsonAccess(JsonAccess<?> access);

    /** Whether a JSON document contains another. */
    void visitJsonContains(JsonContains contains);

    /** Whether an expression matches a regular expression. */
    void visitRegexpMatch(RegexpMatch match);

    /** The constant true or false. */
    void visitBooleanLiteral(BooleanLiteral literal);

    /** {@code *} or {@code table.*} as a result column. */
    void visitStar(Star star);

    /** An ordered-set aggregate, {@code f(...) WITHIN GROUP (ORDER BY ...)}. */
    void visitWithinGroup(WithinGroup<?> withinGroup);

    /** An array literal, element, slice, or the {@code ANY (x)} / {@code ALL (x)} of a comparison. */
    void visitArray(ArrayExpression<?> array);

    /** {@code a @> b}, {@code a <@ b} or {@code a && b} on arrays. */
    void visitArrayComparison(ArrayComparison comparison);
}
