package io.retort.impl.compiler;

import io.retort.impl.dialect.Dialect;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.types.SqlType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders statements of the expression language for one dialect in a single visitor pass that also records, in
 * order, the bound parameters. The same pass in {@link #collect} mode renders nothing and only gathers the values
 * and types of another statement of the same structure, so a cached {@link CompiledStatement} can be reused.
 * The pass is split by statement kind: {@link ExpressionRenderer} (shared expressions), {@link SelectRenderer},
 * {@link DmlRenderer}. Not thread-safe; one instance per compilation.
 */
public final class ExpressionCompiler extends DmlRenderer {
    private ExpressionCompiler(Dialect dialect, boolean render, boolean plain) {
        super(dialect, render, plain);
    }

    /** Compiles a statement: SQL with {@code ?} placeholders, parameter names and expanding parameters. */
    public static CompiledStatement compile(Dialect dialect, SqlNode statement) {
        ExpressionCompiler compiler = new ExpressionCompiler(dialect, true, false);
        statement.accept(compiler);
        boolean readOnly = (statement instanceof Select || statement instanceof io.retort.sql.CompoundSelect)
                && !compiler.mayWrite;
        return compiler.placeholders().toCompiled(compiler.sql.toString(), readOnly, !compiler.sawCteOrDerived);
    }

    /**
     * A statement compiled for the walk that keyed it: the compiled form, and for each placeholder where its value
     * comes from ({@link CacheKeyWalker#bound}).
     *
     * @param statement the compiled statement
     * @param valueSources per placeholder: an index into the walk's values, a {@link Named} parameter, or a
     *     parameter the compiled form holds
     */
    public record Keyed(CompiledStatement statement, Object[] valueSources) {
    }

    /**
     * Compiles a statement walked by {@code walked} (its cache key), recording where each placeholder's value is in
     * that walk, so that an execution of any statement of the same key takes its values from its own single walk.
     */
    public static Keyed compileKeyed(Dialect dialect, SqlNode statement, CacheKeyWalker walked) {
        ExpressionCompiler compiler = new ExpressionCompiler(dialect, true, false);
        compiler.walked = walked;
        statement.accept(compiler);
        boolean readOnly = (statement instanceof Select || statement instanceof io.retort.sql.CompoundSelect)
                && !compiler.mayWrite;
        return new Keyed(compiler.placeholders().toCompiled(compiler.sql.toString(), readOnly,
                !compiler.sawCteOrDerived), compiler.valueSources.toArray());
    }

    /**
     * The values and types a statement binds, in placeholder order (before expansion).
     *
     * @param computed whether some value was computed as it was gathered (a column's client-side default), so that
     *     gathering the same statement again gives another value
     */
    public record Bound(List<@Nullable Object> values, List<@Nullable SqlType<?>> types, boolean computed) {
        /** Whether some value is a {@link Named} parameter to be given at execution. */
        public boolean hasNamed() {
            return values.stream().anyMatch(v -> v instanceof Named);
        }
    }

    /**
     * The value of a parameter given at execution ({@code bindParam("name")}, or {@code :name} in a SQL fragment).
     *
     * @param name the parameter's name
     */
    public record Named(String name) {
    }

    /** Walks a statement the way {@link #compile} does and gathers its bound values and their types. */
    public static Bound collect(Dialect dialect, SqlNode statement) {
        ExpressionCompiler collector = new ExpressionCompiler(dialect, false, false);
        statement.accept(collector);
        return new Bound(collector.values, collector.types, collector.computed);
    }

    /**
     * Gathers the bound values and types of a statement that {@code compiled} is the compiled form of (a statement of
     * the same structure), skipping what the compiled form says the statement lacks.
     */
    public static Bound collect(Dialect dialect, SqlNode statement, CompiledStatement compiled) {
        ExpressionCompiler collector = new ExpressionCompiler(dialect, false, compiled.plain());
        statement.accept(collector);
        return new Bound(collector.values, collector.types, collector.computed);
    }
}
