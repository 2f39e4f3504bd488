package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.ColumnReference;
import io.retort.sql.FunctionCall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Function calls, aggregates (DISTINCT, FILTER), window functions (OVER) and JSON access: shared by every statement. */
abstract class FunctionRenderer extends ExpressionRenderer {
    FunctionRenderer(Dialect dialect, boolean render, boolean plain) {
        super(dialect, render, plain);
    }

    @Override
    public void visitUnary(io.retort.sql.Unary<?> unary) {
        if (unary.operator() == io.retort.sql.Unary.Operator.DISTINCT) {
            append("DISTINCT ");
            unary.operand().accept(this);
            return;
        }
        // -(...) unless a column: "--" would start a comment.
        boolean column = unary.operand() instanceof ColumnReference;
        append(column ? "-" : "-(");
        unary.operand().accept(this);
        append(column ? "" : ")");
    }

    @Override
    public void visitJsonAccess(io.retort.sql.JsonAccess<?> access) {
        Dialect.JsonStyle style = dialect.jsonStyle();
        if (style == Dialect.JsonStyle.NONE) {
            throw new io.retort.exception.CompileException("JSON access (" + String.join(".", access.path())
                    + ") is not supported by " + dialect.name() + "; select the document and read it in Java");
        }
        io.retort.sql.BindParameter<String> jsonPath = io.retort.sql.BindParameter.of(io.retort.types.Types.STRING,
                jsonPath(access.path()));
        if (style == Dialect.JsonStyle.OPERATORS) {
            // PostgreSQL: doc -> ? -> ? ->> ?, one bound key per step.
            append("(");
            access.document().accept(this);
            for (int i = 0; i < access.path().size(); i++) {
                boolean last = i == access.path().size() - 1;
                append(last && access.asText() ? " ->> " : " -> ");
                nameHint = "key";
                io.retort.sql.BindParameter.of(io.retort.types.Types.STRING, access.path().get(i)).accept(this);
            }
            append(")");
        } else if (style == Dialect.JsonStyle.PATH_OPERATORS) {
            // SQLite: doc -> '$."a"."b"' (JSON) or ->> (an SQL value).
            append("(");
            access.document().accept(this);
            append(access.asText() ? " ->> " : " -> ");
            nameHint = "path";
            jsonPath.accept(this);
            append(")");
        } else {
            // MySQL: JSON_EXTRACT gives JSON; JSON_UNQUOTE turns a JSON string into its text, but a JSON null
            // into the string 'null': as text, a JSON null is SQL NULL, as PostgreSQL's ->> and SQLite's give it.
            if (access.asText()) {
                append("CASE WHEN JSON_TYPE(");
                jsonExtract(access, jsonPath);
                append(") = 'NULL' THEN NULL ELSE JSON_UNQUOTE(");
                jsonExtract(access, jsonPath);
                append(") END");
            } else {
                jsonExtract(access, jsonPath);
            }
        }
    }

    private void jsonExtract(io.retort.sql.JsonAccess<?> access, io.retort.sql.BindParameter<String> jsonPath) {
        append("JSON_EXTRACT(");
        access.document().accept(this);
        append(", ");
        nameHint = "path";
        jsonPath.accept(this);
        append(")");
    }

    /** A JSON path of keys, {@code $."a"."b"}, each key quoted. */
    static String jsonPath(java.util.List<String> keys) {
        StringBuilder path = new StringBuilder("$");
        for (String key : keys) {
            path.append(".\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return path.toString();
    }

    @Override
    public void visitJsonContains(io.retort.sql.JsonContains contains) {
        Dialect.JsonStyle style = dialect.jsonStyle();
        if (style == Dialect.JsonStyle.OPERATORS) {
            contains.document().accept(this);
            append(" @> ");
            contains.contained().accept(this);
        } else if (style == Dialect.JsonStyle.FUNCTIONS) {
            append("JSON_CONTAINS(");
            contains.document().accept(this);
            append(", ");
            contains.contained().accept(this);
            append(")");
        } else {
            throw new io.retort.exception.CompileException("JSON containment is not supported by " + dialect.name()
                    + "; compare the values at a path with Json.text(...) instead");
        }
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
            io.retort.sql.Window.FrameUnit unit = window.unit();
            io.retort.sql.Window.FrameExclusion exclusion = window.exclusion();
            if (unit == io.retort.sql.Window.FrameUnit.GROUPS && !dialect.supportsGroupsFrames()
                    || exclusion != io.retort.sql.Window.FrameExclusion.NO_OTHERS && !dialect.supportsGroupsFrames()) {
                throw new io.retort.exception.CompileException("A window frame with " + (unit
                        == io.retort.sql.Window.FrameUnit.GROUPS ? "GROUPS" : exclusion.sql()) + " is not supported by "
                        + dialect.name() + "; use a ROWS or RANGE frame without EXCLUDE");
            }
            append(space ? " " : "").append(unit.name()).append(" BETWEEN ")
                    .append(frameBound(window.frameStart(), "PRECEDING"))
                    .append(" AND ").append(frameBound(window.frameEnd(), "FOLLOWING"));
            if (exclusion != io.retort.sql.Window.FrameExclusion.NO_OTHERS) {
                append(" ").append(exclusion.sql());
            }
        }
        append(")");
    }

    static String frameBound(@Nullable Integer rows, String direction) {
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
            io.retort.sql.Expression<?> argument = arguments.get(i);
            boolean distinct = argument instanceof io.retort.sql.Unary
                    && ((io.retort.sql.Unary<?>) argument).operator() == io.retort.sql.Unary.Operator.DISTINCT;
            // count(DISTINCT x) FILTER (WHERE p) is count(DISTINCT CASE WHEN p THEN x END): DISTINCT stays first.
            append(i > 0 ? ", " : "").append(distinct ? "DISTINCT CASE WHEN " : "CASE WHEN ");
            filtered.predicate().accept(this);
            append(" THEN ");
            (distinct ? ((io.retort.sql.Unary<?>) argument).operand() : argument).accept(this);
            append(" END");
        }
        append(")");
    }

    @Override
    public void visitFunction(FunctionCall<?> function) {
        if (function.type() instanceof io.retort.types.ArrayType<?>
                && dialect.arrayStyle() == Dialect.ArrayStyle.NONE) {
            throw noArrays(dialect, function.name() + "(...) of type " + function.type());
        }
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

    @Override
    public void visitWithinGroup(io.retort.sql.WithinGroup<?> withinGroup) {
        if (!dialect.supportsWithinGroup()) {
            throw new io.retort.exception.CompileException("WITHIN GROUP (" + withinGroup.function().name()
                    + ") is not supported by " + dialect.name() + "; compute the ordered-set aggregate from the"
                    + " ordered rows in a subquery, or in Java");
        }
        mayWrite = true; // a function call
        withinGroup.function().accept(this);
        append(" WITHIN GROUP (ORDER BY ");
        visitAll(withinGroup.orderBy(), ", ");
        append(")");
    }

    @Override
    public void visitStar(io.retort.sql.Star star) {
        io.retort.sql.TableReference table = star.table();
        if (table != null) {
            append(tableName(table)).append(".");
        }
        append("*");
    }

    @Override
    public void visitRegexpMatch(io.retort.sql.RegexpMatch match) {
        String operator = dialect.regexpOperator(match.negated());
        if (operator == null) {
            throw new io.retort.exception.CompileException("A regular expression match is not supported by "
                    + dialect.name() + ", which has no REGEXP without a loaded extension; use like(...) instead");
        }
        if (operator.endsWith("(")) {
            // A function: REGEXP_LIKE(x, ?), NOT REGEXP_LIKE(x, ?).
            append(operator);
            match.expression().accept(this);
            append(", ");
            hintFrom(match.expression());
            match.pattern().accept(this);
            append(")");
            return;
        }
        match.expression().accept(this);
        append(" ").append(operator).append(" ");
        hintFrom(match.expression());
        match.pattern().accept(this);
    }

    /** The error for an array on a database without arrays, naming the alternative. */
    static io.retort.exception.CompileException noArrays(Dialect dialect, String what) {
        return new io.retort.exception.CompileException("Arrays (" + what + ") are not supported by "
                + dialect.name() + "; store the list as JSON (Types.JSON) and query it with Json.get / Json.contains,"
                + " or in a child table");
    }

    /** Whether an expression is {@code ANY (x)} or {@code ALL (x)}. */
    static boolean isQuantified(io.retort.sql.Expression<?> expression) {
        return expression instanceof io.retort.sql.ArrayExpression<?>
                && (((io.retort.sql.ArrayExpression<?>) expression).kind() == io.retort.sql.ArrayExpression.Kind.ANY
                || ((io.retort.sql.ArrayExpression<?>) expression).kind() == io.retort.sql.ArrayExpression.Kind.ALL);
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    static io.retort.sql.Comparison.Operator reversed(io.retort.sql.Comparison.Operator operator) {
        switch (operator) {
            case LT: return io.retort.sql.Comparison.Operator.GT;
            case LE: return io.retort.sql.Comparison.Operator.GE;
            case GT: return io.retort.sql.Comparison.Operator.LT;
            case GE: return io.retort.sql.Comparison.Operator.LE;
            default: return operator;
        }
    }

    @Override
    public void visitArray(io.retort.sql.ArrayExpression<?> array) {
        List<io.retort.sql.Expression<?>> operands = array.operands();
        Dialect.ArrayStyle style = dialect.arrayStyle();
        if (style == Dialect.ArrayStyle.NONE) {
            throw noArrays(dialect, array.kind() == io.retort.sql.ArrayExpression.Kind.LITERAL ? "ARRAY[...]"
                    : array.kind().name().toLowerCase(java.util.Locale.ROOT) + " of " + operands.get(0));
        }
        switch (array.kind()) {
            case LITERAL:
                if (operands.isEmpty()) {
                    // ARRAY[] has no element type to infer: written with the declared one.
                    append("CAST(ARRAY[] AS ").append(render ? dialect.typeCompiler().castTypeName(array.type()) : "")
                            .append(")");
                } else {
                    append("ARRAY[");
                    for (int i = 0; i < operands.size(); i++) {
                        append(i == 0 ? "" : ", ");
                        // H2 cannot type a bare ? in ARRAY[...]: each bound element is cast to the element type.
                        boolean cast = style == Dialect.ArrayStyle.STANDARD
                                && operands.get(i) instanceof io.retort.sql.BindParameter<?>;
                        append(cast ? "CAST(" : "");
                        operands.get(i).accept(this);
                        append(cast ? " AS " : "").append(cast && render ? dialect.typeCompiler().castTypeName(
                                ((io.retort.types.ArrayType<?>) array.type()).elementType()) + ")" : "");
                    }
                    append("]");
                }
                return;
            case ELEMENT:
                subscripted(operands.get(0));
                append("[");
                nameHint = "index";
                operands.get(1).accept(this);
                append("]");
                return;
            case SLICE:
                if (style != Dialect.ArrayStyle.POSTGRESQL) {
                    // H2's ARRAY_SLICE gives NULL for a bound past the end, where PostgreSQL gives the elements
                    // there: other rows, silently. Refused.
                    throw new io.retort.exception.CompileException("An array slice (of " + operands.get(0)
                            + ") is not supported by " + dialect.name() + ", whose ARRAY_SLICE gives NULL where a"
                            + " bound is past the end; select the array and take List.subList in Java, or single"
                            + " elements with SqlArray.get");
                }
                subscripted(operands.get(0));
                append("[");
                nameHint = "index";
                operands.get(1).accept(this);
                append(":");
                nameHint = "index";
                operands.get(2).accept(this);
                append("]");
                return;
            default:
                append(array.kind().name()).append(" (");
                operands.get(0).accept(this);
                append(")");
        }
    }

    /**
     * The array before a subscript: a column as is, anything else parenthesized ({@code (array_agg(x))[1]};
     * {@code x[1:2][1]} would be a two-dimensional subscript, not an element of the slice).
     */
    private void subscripted(io.retort.sql.Expression<?> array) {
        boolean column = array instanceof ColumnReference<?>;
        append(column ? "" : "(");
        array.accept(this);
        append(column ? "" : ")");
    }

    @Override
    public void visitArrayComparison(io.retort.sql.ArrayComparison comparison) {
        Dialect.ArrayStyle style = dialect.arrayStyle();
        if (style == Dialect.ArrayStyle.NONE) {
            throw noArrays(dialect, comparison.operator().sql() + " on " + comparison.left());
        }
        if (style != Dialect.ArrayStyle.POSTGRESQL) {
            throw new io.retort.exception.CompileException("The array operator " + comparison.operator().sql() + " ("
                    + comparison.operator().name().toLowerCase(java.util.Locale.ROOT) + ") is not supported by "
                    + dialect.name() + "; compare elements with ? = ANY (array), SqlArray.any(...)");
        }
        comparison.left().accept(this);
        append(" ").append(comparison.operator().sql()).append(" ");
        hintFrom(comparison.left());
        comparison.right().accept(this);
    }
}
