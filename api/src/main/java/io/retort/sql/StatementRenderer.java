package io.retort.sql;

import io.retort.exception.ConfigurationException;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Service through which statements compile themselves without a database ({@link Sql#compile},
 * {@code toString()}); {@code retort-impl} provides it. Applications do not implement it.
 */
public interface StatementRenderer {

    /** Compiles a statement for a dialect. */
    CompiledSql compile(Executable statement, String dialect);

    /** Renders a statement as readable SQL with {@code :name} parameters. */
    String render(Executable statement);

    /** Renders an expression, predicate or FROM item as readable SQL with {@code :name} parameters. */
    String renderNode(SqlNode node);

    /**
     * The renderer on the class path or module path.
     *
     * @throws ConfigurationException if none is found, naming the artifact to add
     */
    static StatementRenderer instance() {
        return Holder.INSTANCE;
    }

    /** Loads the renderer once. */
    final class Holder {
        private static final StatementRenderer INSTANCE = load();

        private Holder() {
        }

        private static StatementRenderer load() {
            Iterator<StatementRenderer> found = ServiceLoader.load(StatementRenderer.class).iterator();
            if (!found.hasNext()) {
                found = ServiceLoader.load(StatementRenderer.class, StatementRenderer.class.getClassLoader())
                        .iterator();
            }
            if (!found.hasNext()) {
                throw new ConfigurationException("No Retort implementation was found to compile statements: add"
                        + " io.retort:retort-impl to the run-time class path (or module path)");
            }
            return found.next();
        }
    }
}
