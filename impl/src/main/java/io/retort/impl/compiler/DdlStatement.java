package io.retort.impl.compiler;

import io.retort.sql.Executable;
import org.jspecify.annotations.Nullable;

/**
 * A DDL statement rendered by {@link DdlCompiler}: run as it is, without parameter parsing.
 *
 * @param sql the statement
 */
public record DdlStatement(String sql) implements Executable {
    @Override
    public String toString() {
        return sql;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DdlStatement && ((DdlStatement) other).sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }
}
