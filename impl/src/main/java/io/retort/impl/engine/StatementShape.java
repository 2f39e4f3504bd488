package io.retort.impl.engine;

import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.types.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every execution of one expression-language statement object works out the same way: where its named
 * parameters sit among its bound values, the type of each placeholder, and the types of its result columns. Worked out
 * once for a statement object executed again and again (a {@code bindParam} statement, {@code session.get}'s), and
 * kept with it in the statement cache, and once per cache entry for new statement objects of one structure (a new
 * {@code select(...).where(id.eq(k))} per lookup); read-only, shared by every thread.
 *
 * @param named where the execution's parameters go
 * @param types the type of each placeholder, null where none is declared; never written to
 * @param resultTypes the types of the result columns by position (up to the first literal SQL or star), or null for a
 *        statement without result columns; never written to
 * @param labelsFixed whether the SQL fixes the result's columns (none is literal SQL), see {@code RowCursor}
 */
record StatementShape(NamedSlots named, @Nullable SqlType<?>[] types, @Nullable SqlType<?> @Nullable [] resultTypes,
        boolean labelsFixed) {

    /** The result columns of a statement: its SELECT list, or its RETURNING clause. */
    private static List<Expression<?>> columnsOf(Executable statement) {
        return statement instanceof io.retort.sql.Select ? ((io.retort.sql.Select) statement).columns()
                : statement instanceof io.retort.sql.CompoundSelect
                        ? ((io.retort.sql.CompoundSelect) statement).selects().get(0).columns()
                : statement instanceof io.retort.sql.Insert ? ((io.retort.sql.Insert) statement).returningClause()
                : statement instanceof io.retort.sql.Update ? ((io.retort.sql.Update) statement).returningClause()
                : statement instanceof io.retort.sql.Delete ? ((io.retort.sql.Delete) statement).returningClause()
                : List.of();
    }

    /**
     * Whether this shape, worked out for another statement of the same cache entry, is {@code statement}'s too: the
     * same placeholder types, named parameters in the same places and the same result column types. Equal cache keys
     * mean equal SQL, and the keys hold all of these, so this normally holds; it is checked, allocating nothing,
     * because a value read with another column's type would be wrong without a word.
     */
    boolean fits(Executable statement, ExpressionCompiler.Bound bound) {
        List<@Nullable SqlType<?>> boundTypes = bound.types();
        if (boundTypes.size() != types.length || !named.matches(bound.values())) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!java.util.Objects.equals(boundTypes.get(i), types[i])) {
                return false;
            }
        }
        List<Expression<?>> columns = columnsOf(statement);
        if (resultTypes == null) {
            return columns.isEmpty();
        }
        if (labelsFixed ? columns.size() != resultTypes.length : columns.size() <= resultTypes.length) {
            return false;
        }
        for (int i = 0; i < resultTypes.length; i++) {
            Expression<?> column = columns.get(i);
            if (column instanceof io.retort.sql.TextFragment || column instanceof io.retort.sql.Star
                    || !java.util.Objects.equals(column.type(), resultTypes[i])) {
                return false;
            }
        }
        return labelsFixed || columns.get(resultTypes.length) instanceof io.retort.sql.TextFragment
                || columns.get(resultTypes.length) instanceof io.retort.sql.Star;
    }

    /** The shape of {@code statement}, whose values and types are {@code bound}. */
    static StatementShape of(Executable statement, ExpressionCompiler.Bound bound) {
        @Nullable SqlType<?>[] types = bound.types().toArray(new SqlType<?>[0]);
        List<Expression<?>> columns = columnsOf(statement);
        @Nullable SqlType<?>[] resultTypes = null;
        boolean labelsFixed = false;
        if (!columns.isEmpty()) {
            resultTypes = new SqlType<?>[columns.size()];
            // Literal SQL among the result columns (sqlFragment("*")) and star() may stand for any number of
            // columns: the types of the columns after it are not known by position.
            labelsFixed = true;
            for (int i = 0; i < resultTypes.length; i++) {
                Expression<?> column = columns.get(i);
                if (column instanceof io.retort.sql.TextFragment || column instanceof io.retort.sql.Star) {
                    resultTypes = java.util.Arrays.copyOf(resultTypes, i);
                    labelsFixed = false;
                    break;
                }
                resultTypes[i] = column.type();
            }
        }
        return new StatementShape(NamedSlots.of(bound), types, resultTypes, labelsFixed);
    }
}
