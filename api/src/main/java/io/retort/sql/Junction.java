package io.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Predicates joined by AND or OR; nested junctions of the same kind are flattened. */
public final class Junction implements Predicate {
    /** AND or OR. */
    public enum Kind {
        /** All must hold. */ AND,
        /** One must hold. */ OR
    }

    private final Kind kind;
    private final List<Predicate> predicates;

    private Junction(Kind kind, List<Predicate> predicates) {
        this.kind = kind;
        this.predicates = List.copyOf(predicates);
    }

    static Predicate of(Kind kind, Predicate... predicates) {
        List<Predicate> flat = new ArrayList<>();
        for (Predicate predicate : predicates) {
            Objects.requireNonNull(predicate, "predicate");
            if (predicate instanceof Junction && ((Junction) predicate).kind == kind) {
                flat.addAll(((Junction) predicate).predicates);
            } else {
                flat.add(predicate);
            }
        }
        if (flat.isEmpty()) {
            throw new io.retort.exception.InvalidArgumentException(kind + " needs at least one predicate");
        }
        return flat.size() == 1 ? flat.get(0) : new Junction(kind, flat);
    }

    /** AND or OR. */
    public Kind kind() {
        return kind;
    }

    /** The joined predicates. */
    public List<Predicate> predicates() {
        return predicates;
    }

    @Override
    public void accept(SqlVisitor visitor) {
        visitor.visitJunction(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Junction && ((Junction) other).kind == kind
                && ((Junction) other).predicates.equals(predicates);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + predicates.hashCode();
    }

    /** This expression as SQL in the default dialect with {@code :name} parameters, as SQLAlchemy's {@code str()}. */
    @Override
    public String toString() {
        return Sql.renderNode(this);
    }
}
