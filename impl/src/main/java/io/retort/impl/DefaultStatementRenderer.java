package io.retort.impl;

import io.retort.impl.compiler.CompiledStatement;
import io.retort.impl.compiler.ExpressionCompiler;
import io.retort.impl.compiler.StatementCompiler;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.Drivers;
import io.retort.sql.CompiledSql;
import io.retort.sql.Executable;
import io.retort.sql.SqlNode;
import io.retort.sql.TextClause;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Compiles and renders statements without a database, for {@code Sql.compile} and statements' toString(). */
public final class DefaultStatementRenderer implements io.retort.sql.StatementRenderer {
    /** The dialect of {@code toString()}: PostgreSQL's, which renders every construct the others do. */
    private static final String DEFAULT_DIALECT = "postgresql";

    /** Used by {@link java.util.ServiceLoader}. */
    public DefaultStatementRenderer() {
    }

    @Override
    public CompiledSql compile(Executable statement, String dialectName) {
        Dialect dialect = Drivers.dialect(dialectName);
        CompiledStatement compiled = new StatementCompiler(dialect).compile(statement);
        List<@Nullable Object> values = statement instanceof SqlNode && !(statement instanceof TextClause)
                ? ExpressionCompiler.collect(dialect, (SqlNode) statement).values() : List.of();
        return new CompiledSql(compiled.sql(), values);
    }

    @Override
    public String render(Executable statement) {
        return named(new StatementCompiler(Drivers.dialect(DEFAULT_DIALECT)).compile(statement));
    }

    @Override
    public String renderNode(SqlNode node) {
        return named(ExpressionCompiler.compile(Drivers.dialect(DEFAULT_DIALECT), node));
    }

    /** The SQL with each {@code ?} replaced by {@code :name}. */
    private static String named(CompiledStatement compiled) {
        StringBuilder text = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < compiled.placeholderOffsets().size(); i++) {
            int offset = compiled.placeholderOffsets().get(i);
            text.append(compiled.sql(), copied, offset).append(':').append(compiled.parameterNames().get(i));
            copied = offset + 1;
        }
        return text.append(compiled.sql().substring(copied)).toString();
    }
}
