package io.retort.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loader strategy for one relationship path of one query, as SQLAlchemy's {@code selectinload(User.addresses)};
 * made by the static factories of {@link Load}:
 *
 * <pre>{@code
 * import static io.retort.orm.Load.*;
 *
 * session.scalars(select(User.class).options(selectIn(User_.addresses)));                  // 2 statements
 * session.scalars(select(User.class).options(joined(User_.addresses)).limit(10));          // 1 statement
 * session.scalars(select(User.class).options(selectIn(User_.orders).selectIn(Order_.lines)));  // a chained path
 * }</pre>
 *
 * Immutable; each chained call returns a longer path.
 */
public final class LoadOption {
    /**
     * One hop of a path: a relationship and how it loads.
     *
     * @param relationship the relationship
     * @param loading how it loads
     * @param innerJoin for {@link Loading#JOINED}: an inner JOIN rather than a LEFT OUTER JOIN
     * @param containsEager for {@link Loading#JOINED}: the query joins the target already (SQLAlchemy's
     *        {@code contains_eager}); its columns are read from that join, none is added
     * @param eagerFrom with {@code containsEager}, the alias the query joined the target as; null for its table
     */
    public record Step(RelationshipAttribute<?, ?> relationship, Loading loading, boolean innerJoin,
            boolean containsEager, @org.jspecify.annotations.Nullable EntityAlias<?> eagerFrom) {
        /** Checks the step. */
        public Step {
            Objects.requireNonNull(relationship, "relationship");
            Objects.requireNonNull(loading, "loading");
        }

        /** A step of a loading strategy. */
        public Step(RelationshipAttribute<?, ?> relationship, Loading loading) {
            this(relationship, loading, false, false, null);
        }
    }

    private final List<Step> path;

    private LoadOption(List<Step> path) {
        this.path = List.copyOf(path);
    }

    /** A path of one step; {@link Load} has the named factories. */
    public static LoadOption of(RelationshipAttribute<?, ?> relationship, Loading loading) {
        return new LoadOption(List.of(new Step(relationship, loading)));
    }

    /** A path of one step as given. */
    public static LoadOption of(Step step) {
        return new LoadOption(List.of(step));
    }

    /**
     * The last step's JOIN made an inner JOIN, as SQLAlchemy's {@code joinedload(..., innerjoin=True)}: objects without
     * a related row are left out of the result, so use it where the relationship always has one.
     *
     * @throws io.retort.exception.InvalidArgumentException if the last step is not {@link Loading#JOINED}
     */
    public LoadOption innerJoin() {
        Step last = path.get(path.size() - 1);
        if (last.loading() != Loading.JOINED || last.containsEager()) {
            throw new io.retort.exception.InvalidArgumentException("innerJoin() applies to joined(...), not to "
                    + this);
        }
        List<Step> changed = new ArrayList<>(path);
        changed.set(changed.size() - 1, new Step(last.relationship(), Loading.JOINED, true, false, null));
        return new LoadOption(changed);
    }

    /** This path continued by a relationship whose access is an error where it would send SQL. */
    public LoadOption raiseOnSql(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.RAISE_ON_SQL);
    }

    /** This path continued by a relationship of the previous step's target class, loaded with SELECT ... IN. */
    public LoadOption selectIn(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.SELECTIN);
    }

    /** This path continued by a relationship loaded with a LEFT OUTER JOIN. */
    public LoadOption joined(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.JOINED);
    }

    /** This path continued by a relationship loaded lazily. */
    public LoadOption lazy(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.LAZY);
    }

    /** This path continued by a relationship whose access is an error. */
    public LoadOption raise(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.RAISE);
    }

    /** This path continued by a relationship left unloaded. */
    public LoadOption noLoad(RelationshipAttribute<?, ?> next) {
        return then(next, Loading.NOLOAD);
    }

    /**
     * This path continued by another step.
     *
     * @throws io.retort.exception.InvalidArgumentException if {@code next} is not a relationship of the previous
     *         step's target class
     */
    public LoadOption then(RelationshipAttribute<?, ?> next, Loading loading) {
        Step last = path.get(path.size() - 1);
        if (!next.entityClass().isAssignableFrom(last.relationship().targetClass())) {
            throw new io.retort.exception.InvalidArgumentException("Loader path " + this + " cannot continue with "
                    + next + ": " + last.relationship() + " leads to " + last.relationship().targetClass()
                    .getSimpleName() + ", not to " + next.entityClass().getSimpleName());
        }
        List<Step> longer = new ArrayList<>(path);
        longer.add(new Step(next, loading));
        return new LoadOption(longer);
    }

    /** The steps, from the queried class outwards. */
    public List<Step> path() {
        return path;
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object other) {
        return other instanceof LoadOption && ((LoadOption) other).path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    /** {@code selectIn(User.addresses).joined(Address.tags)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            String name = switch (step.loading()) {
                case SELECTIN -> "selectIn";
                case JOINED -> "joined";
                case LAZY -> "lazy";
                case RAISE -> "raise";
                case RAISE_ON_SQL -> "raiseOnSql";
                case NOLOAD -> "noLoad";
                case DEFAULT -> "of";
            };
            if (step.containsEager()) {
                name = "containsEager";
            }
            text.append(i > 0 ? "." : "").append(name).append('(').append(step.relationship())
                    .append(step.eagerFrom() != null ? ", " + step.eagerFrom().name() : "").append(')')
                    .append(step.innerJoin() ? ".innerJoin()" : "");
        }
        return text.toString();
    }
}
