package io.retort.impl.compiler;

import io.retort.sql.ColumnReference;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.DerivedTable;
import io.retort.sql.Select;
import io.retort.sql.SqlNode;
import io.retort.sql.SqlWalker;
import io.retort.sql.TableReference;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the common table expressions a statement uses, anywhere in it (subqueries included), each once by name and
 * after the CTEs its own body uses, so that a WITH clause can declare them in a valid order.
 */
final class CteCollector extends SqlWalker {
    private final Map<String, CommonTableExpression> found = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    static List<CommonTableExpression> of(List<? extends SqlNode> roots) {
        CteCollector collector = new CteCollector();
        for (SqlNode root : roots) {
            root.accept(collector);
        }
        return List.copyOf(collector.found.values());
    }

    @Override
    protected void visitNested(Select select) {
        select.froms().forEach(f -> f.accept(this));
        select.columns().forEach(c -> c.accept(this));
        if (select.whereClause() != null) {
            select.whereClause().accept(this);
        }
        if (select.havingClause() != null) {
            select.havingClause().accept(this);
        }
    }

    @Override
    public void visitUpdate(io.retort.sql.Update update) {
        update.table().accept(this);
        update.assignments().forEach(a -> a.value().accept(this));
        if (update.whereClause() != null) {
            update.whereClause().accept(this);
        }
    }

    @Override
    public void visitDelete(io.retort.sql.Delete delete) {
        delete.table().accept(this);
        if (delete.whereClause() != null) {
            delete.whereClause().accept(this);
        }
    }

    @Override
    public void visitTable(TableReference table) {
        if (table instanceof io.retort.sql.TableAlias) {
            // An alias of a CTE (or of a recursive one) still needs the CTE declared.
            ((io.retort.sql.TableAlias) table).table().accept(this);
            return;
        }
        if (table instanceof DerivedTable) {
            ((DerivedTable) table).body().accept(this);
        }
        if (table instanceof CommonTableExpression) {
            CommonTableExpression cte = (CommonTableExpression) table;
            CommonTableExpression known = found.get(cte.name());
            if (known != null && !known.equals(cte)) {
                // WITH declares each name once: the second body would be dropped and its query read the first.
                throw new io.retort.exception.CompileException("Two different CTEs are named '" + cte.name()
                        + "' in one statement; WITH can declare the name once, so give them distinct names");
            }
            if (known == null && inProgress.add(cte.name())) {
                cte.body().accept(this);
                found.put(cte.name(), cte);
            }
        }
    }

    @Override
    public void visitColumn(ColumnReference<?> column) {
        column.tableReference().accept(this);
    }
}
