package io.retort.sql;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the tables an expression's columns belong to, in order of appearance, for the FROM clause a SELECT derives.
 * Does not descend into nested statements.
 */
final class FromCollector extends SqlWalker {
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
    public void visitJoin(Join join) {
    }
}
