package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.OrmSelect;
import io.retort.schema.Table;
import io.retort.sql.Expression;
import io.retort.sql.FromClause;
import io.retort.sql.Join;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.TableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The classes of inheritance hierarchies among the elements of a select of several elements, loaded as SQLAlchemy
 * loads them (with_polymorphic): each such element reads its polymorphic row, its own columns and then its subclasses'.
 * For a JOINED class, its base table in the statement's FROM clause becomes the base table outer-joined to every
 * subclass table (and inner-joined to its own superclass tables); for a SINGLE_TABLE class, the one table gives all
 * columns and a subclass adds its discriminator criterion. An alias of a JOINED base class aliases every table of the
 * hierarchy (an alias of a JOINED subclass is refused by Orm.aliased). Stateless.
 */
final class PolymorphicElements {
    private PolymorphicElements() {
    }

    /** Whether an element of the select is the class (or an alias) of a hierarchy. */
    static boolean any(List<@Nullable EntityMapper<?>> mappers) {
        return mappers.stream().anyMatch(m -> m != null && m.hierarchy() != null);
    }

    /**
     * The statement with each hierarchy element's columns replaced by its polymorphic row and its tables joined in
     * place of its base table.
     *
     * @throws InvalidRequestException for shapes whose rows could not be read correctly, naming the fix
     */
    static Select rewrite(OrmSelect select, List<@Nullable EntityMapper<?>> mappers) {
        Select statement = select.statement();
        if (select.source() != null) {
            String name = "";
            for (EntityMapper<?> mapper : mappers) { // the first hierarchy element (the caller checked there is one)
                if (mapper != null && mapper.hierarchy() != null) {
                    name = mapper.entityClass().getSimpleName();
                    break;
                }
            }
            throw new InvalidRequestException(name + " is part of an inheritance hierarchy, whose rows a statement"
                    + " given to fromStatement(...) does not lay out as the ORM reads them; query it with"
                    + " Orm.select(" + name + ".class) and its where(...) and join(...) instead");
        }
        List<Expression<?>> original = statement.columns();
        List<Expression<?>> columns = new ArrayList<>();
        List<FromClause> froms = new ArrayList<>(statement.froms());
        Set<TableReference> anchors = new HashSet<>();
        Predicate criteria = null;
        int at = 0;
        for (int i = 0; i < mappers.size(); i++) {
            EntityMapper<?> mapper = mappers.get(i);
            OrmSelect.Element element = select.elements().get(i);
            if (mapper == null) {
                columns.add(original.get(at++));
                continue;
            }
            int width = mapper.attributes().size();
            Hierarchy hierarchy = mapper.hierarchy();
            if (hierarchy == null) {
                columns.addAll(original.subList(at, at + width));
                at += width;
                continue;
            }
            at += width;
            TableReference table = java.util.Objects.requireNonNull(element.table());
            Function<Table, TableReference> as = tables(mapper, hierarchy, table);
            Hierarchy.Layout layout = hierarchy.layout(mapper);
            columns.addAll(layout.columns(as));
            TableReference anchor = as.apply(mapper.parts().get(0).table());
            if (!anchors.add(anchor)) {
                throw new InvalidRequestException("This select reads " + mapper.entityClass().getSimpleName()
                        + " and another class of its hierarchy from the same table " + anchor.name() + ", so both"
                        + " would be read from one row; give one of them its own table with Orm.aliased("
                        + hierarchy.root.getSimpleName() + ".class) and join or filter the alias");
            }
            if (hierarchy.strategy == InheritanceStrategy.JOINED) {
                FromClause joined = hierarchy.from(mapper, layout, as);
                placeJoin(froms, anchor, table, joined);
            }
            Predicate criterion = hierarchy.criterion(mapper, layout, as);
            // On the nullable side of an outer join the subclass's discriminator test goes into that join's ON clause:
            // in WHERE it would drop the rows the join found no subclass row for (SQLAlchemy does the same).
            if (criterion != null && !onOuterJoin(froms, anchor, criterion)) {
                criteria = criteria == null ? criterion : criteria.and(criterion);
            }
        }
        Select rewritten = statement.withOnlyColumns(columns.toArray(new Expression<?>[0]))
                .withFroms(froms.toArray(new FromClause[0]));
        return criteria == null ? rewritten : rewritten.where(criteria);
    }

    /** How the element reads each table of its hierarchy: the tables themselves, or aliases of them. */
    private static Function<Table, TableReference> tables(EntityMapper<?> mapper, Hierarchy hierarchy,
            TableReference table) {
        if (table.equals(mapper.table())) {
            return t -> t;
        }
        if (hierarchy.strategy == InheritanceStrategy.SINGLE_TABLE) {
            return t -> table; // one table: the alias stands for it
        }
        Table base = mapper.table();
        java.util.Map<Table, TableReference> aliases = new java.util.IdentityHashMap<>();
        return t -> t == base ? table : aliases.computeIfAbsent(t, each -> each.alias(table.name() + "_" + each.name()));
    }

    /**
     * Puts the hierarchy join in the place of its base table in the FROM list (or of the element's own table, or at
     * the end), and drops the list's plain tables that the join holds.
     */
    private static void placeJoin(List<FromClause> froms, TableReference anchor, TableReference own,
            FromClause joined) {
        int placed = -1;
        for (TableReference leaf : List.of(anchor, own)) {
            for (int i = 0; i < froms.size() && placed < 0; i++) {
                FromClause replaced = replace(froms.get(i), leaf, joined);
                if (replaced != null) {
                    froms.set(i, replaced);
                    placed = i;
                }
            }
        }
        if (placed < 0) {
            froms.add(joined);
            placed = froms.size() - 1;
        }
        List<TableReference> held = tablesOf(joined);
        for (int i = froms.size() - 1; i >= 0; i--) {
            if (i != placed && froms.get(i) instanceof TableReference plain && held.contains(plain)) {
                froms.remove(i);
            }
        }
    }

    /** Adds {@code criterion} to the ON clause of the LEFT JOIN that outer-joins {@code table}; false if none does. */
    private static boolean onOuterJoin(List<FromClause> froms, TableReference table, Predicate criterion) {
        for (int i = 0; i < froms.size(); i++) {
            FromClause joined = onOuterJoin(froms.get(i), table, criterion);
            if (joined != null) {
                froms.set(i, joined);
                return true;
            }
        }
        return false;
    }

    private static @Nullable FromClause onOuterJoin(FromClause from, TableReference table, Predicate criterion) {
        if (!(from instanceof Join join) || join.kind() == Join.Kind.FULL) {
            return null; // a FULL OUTER JOIN keeps the criterion in WHERE
        }
        if (join.kind() == Join.Kind.LEFT && tablesOf(join.right()).contains(table)) {
            FromClause deeper = onOuterJoin(join.right(), table, criterion); // the innermost outer join takes it
            return deeper != null ? Sql.outerJoin(join.left(), deeper, join.onClause())
                    : Sql.outerJoin(join.left(), join.right(), join.onClause().and(criterion));
        }
        FromClause left = onOuterJoin(join.left(), table, criterion);
        FromClause right = left == null ? onOuterJoin(join.right(), table, criterion) : null;
        if (left == null && right == null) {
            return null;
        }
        FromClause newLeft = left != null ? left : join.left();
        FromClause newRight = right != null ? right : join.right();
        return join.kind() == Join.Kind.INNER ? Sql.join(newLeft, newRight, join.onClause())
                : Sql.outerJoin(newLeft, newRight, join.onClause());
    }

    /** The FROM item with its part {@code leaf} (a table or a join) replaced, or null when it holds no such part. */
    static @Nullable FromClause replace(FromClause from, FromClause leaf, FromClause with) {
        if (from.equals(leaf)) {
            return with;
        }
        if (from instanceof Join join) {
            FromClause left = replace(join.left(), leaf, with);
            FromClause right = left == null ? replace(join.right(), leaf, with) : null;
            if (left == null && right == null) {
                return null;
            }
            FromClause newLeft = left != null ? left : join.left();
            FromClause newRight = right != null ? right : join.right();
            return switch (join.kind()) {
                case INNER -> Sql.join(newLeft, newRight, join.onClause());
                case LEFT -> Sql.outerJoin(newLeft, newRight, join.onClause());
                case FULL -> throw new InvalidRequestException("A FULL OUTER JOIN of " + leaf + " cannot take"
                        + " the joins of its inheritance hierarchy; select its columns instead of the entity");
            };
        }
        return null;
    }

    private static List<TableReference> tablesOf(FromClause from) {
        List<TableReference> tables = new ArrayList<>();
        if (from instanceof Join join) {
            tables.addAll(tablesOf(join.left()));
            tables.addAll(tablesOf(join.right()));
        } else if (from instanceof TableReference table) {
            tables.add(table);
        }
        return tables;
    }
}
