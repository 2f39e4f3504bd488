package io.retort.impl.compiler;

import io.retort.exception.CompileException;
import io.retort.impl.dialect.Dialect;
import io.retort.sql.Executable;
import io.retort.sql.TextClause;

/** Compiles any executable statement for one dialect, dispatching on its kind. Thread-safe. */
public final class StatementCompiler {
    private final Dialect dialect;
    private final TextCompiler textCompiler;

    /** A compiler for the dialect. */
    public StatementCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.textCompiler = new TextCompiler(dialect);
    }

    /**
     * Compiles the statement.
     *
     * @throws CompileException if the statement is of a kind this compiler does not know
     */
    public CompiledStatement compile(Executable statement) {
        if (statement instanceof TextClause) {
            return textCompiler.compile((TextClause) statement);
        }
        if (statement instanceof io.retort.sql.SqlNode) {
            return ExpressionCompiler.compile(dialect, (io.retort.sql.SqlNode) statement);
        }
        if (statement instanceof DdlStatement) {
            String sql = ((DdlStatement) statement).sql();
            return new CompiledStatement(sql, java.util.List.of(), sql);
        }
        throw new CompileException("Cannot compile a " + statement.getClass().getName() + " for " + dialect.name()
                + ": it is not a Retort statement; build statements with io.retort.sql.Sql (e.g. text(...))");
    }
}
