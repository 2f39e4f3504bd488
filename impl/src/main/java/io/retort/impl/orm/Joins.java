package io.retort.impl.orm;

import io.retort.schema.Column;
import io.retort.sql.ColumnReference;
import io.retort.sql.Predicate;
import io.retort.sql.Select;
import io.retort.sql.TableReference;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ON clauses of relationships, between the tables (or aliases) of their two sides. */
final class Joins {
    private Joins() {
    }

    /** {@code select} joined through a relationship; a many-to-many joins its association table first. */
    static Select join(Select select, RelationshipMapper relationship, TableReference owner, TableReference target,
            boolean outer) {
        if (relationship.kind == RelationshipMapper.Kind.MANY_TO_MANY) {
            TableReference secondary = relationship.secondaryTable();
            Select joined = add(select, secondary, ownerToSecondary(relationship, owner, secondary), outer);
            return add(joined, target, secondaryToTarget(relationship, secondary, target), outer);
        }
        return add(select, target, on(relationship, owner, target), outer);
    }

    private static Select add(Select select, TableReference table, Predicate on, boolean outer) {
        return outer ? select.outerJoin(table, on) : select.join(table, on);
    }

    /** {@code target.fk = owner.key} (one-to-many, one-to-one) or {@code target.key = owner.fk} (many-to-one). */
    static Predicate on(RelationshipMapper relationship, TableReference owner, TableReference target) {
        boolean local = relationship.kind == RelationshipMapper.Kind.MANY_TO_ONE;
        Attribute[] ownerSide = local ? relationship.foreignKey : relationship.referenced;
        Attribute[] targetSide = local ? relationship.referenced : relationship.foreignKey;
        Predicate on = null;
        for (int i = 0; i < ownerSide.length; i++) {
            on = and(on, column(target, targetSide[i].column()).eq(column(owner, ownerSide[i].column())));
        }
        return joinCondition(on, relationship);
    }

    /** {@code secondary.owner_col = owner.key}. */
    static Predicate ownerToSecondary(RelationshipMapper relationship, TableReference owner, TableReference secondary) {
        Predicate on = null;
        Attribute[] key = relationship.owner.key();
        for (int i = 0; i < key.length; i++) {
            on = and(on, column(secondary, relationship.secondaryOwnerColumns.get(i))
                    .eq(column(owner, key[i].column())));
        }
        return joinCondition(on, relationship);
    }

    /** {@code target.key = secondary.target_col}. */
    static Predicate secondaryToTarget(RelationshipMapper relationship, TableReference secondary,
            TableReference target) {
        Predicate on = null;
        Attribute[] key = relationship.target.key();
        for (int i = 0; i < key.length; i++) {
            on = and(on, column(target, key[i].column())
                    .eq(column(secondary, relationship.secondaryTargetColumns.get(i))));
        }
        return joinCondition(on, relationship);
    }

    /** The column of that name in a table or alias. */
    static ColumnReference<?> column(TableReference table, Column<?> column) {
        return table.columnReference(column.name());
    }

    /** The columns of a mapped table, in attribute order, from the table itself or an alias of it. */
    static List<ColumnReference<?>> columns(EntityMapper<?> mapper, TableReference table) {
        List<ColumnReference<?>> columns = new java.util.ArrayList<>();
        for (Attribute attribute : mapper.attributes()) {
            columns.add(column(table, attribute.column()));
        }
        return columns;
    }

    private static Predicate joinCondition(@Nullable Predicate on, RelationshipMapper relationship) {
        if (on == null) {
            throw new IllegalStateException(relationship + " has no key columns to join on");
        }
        return on;
    }

    private static Predicate and(@Nullable Predicate left, Predicate right) {
        return left == null ? right : left.and(right);
    }
}
