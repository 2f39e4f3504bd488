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
 * A path may end with column options, which say which columns of its last class's objects load with the query
 * (SQLAlchemy's {@code load_only}, {@code defer}, {@code undefer}): {@code joined(User_.addresses).loadOnly(
 * Address_.emailAddress)}; {@link Load#loadOnly} and the others start such an option at the queried class.
 *
 * <p>Immutable; each chained call returns a longer path.
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

    /** What a column option does with its columns. */
    public enum ColumnLoading {
        /** Load only these columns (and the key), defer every other one: SQLAlchemy's {@code load_only}. */
        LOAD_ONLY,
        /** Leave these columns out of the query; they load on first read: SQLAlchemy's {@code defer}. */
        DEFER,
        /** Load these columns with the query although their mapping defers them: SQLAlchemy's {@code undefer}. */
        UNDEFER,
        /** Load the columns of a deferral group with the query: SQLAlchemy's {@code undefer_group}. */
        UNDEFER_GROUP
    }

    /**
     * The column option at the end of a path.
     *
     * @param loading what it does
     * @param entityClass the class whose columns it names
     * @param attributes the columns it names (empty for {@link ColumnLoading#UNDEFER_GROUP})
     * @param group for {@link ColumnLoading#UNDEFER_GROUP}, the group's name; else empty
     * @param raiseOnLoad a deferred column's first read is an error instead of a SELECT (SQLAlchemy's
     *        {@code raiseload=True})
     */
    public record Columns(ColumnLoading loading, Class<?> entityClass, List<ColumnAttribute<?, ?>> attributes,
            String group, boolean raiseOnLoad) {
        /** Checks and copies the parts. */
        public Columns {
            Objects.requireNonNull(loading, "loading");
            Objects.requireNonNull(entityClass, "entityClass");
            attributes = List.copyOf(attributes);
            Objects.requireNonNull(group, "group");
        }
    }

    private final List<Step> path;
    private final @org.jspecify.annotations.Nullable Columns columns;

    private LoadOption(List<Step> path) {
        this(path, null);
    }

    private LoadOption(List<Step> path, @org.jspecify.annotations.Nullable Columns columns) {
        this.path = List.copyOf(path);
        this.columns = columns;
    }

    /**
     * A column option of the queried class's objects; {@link Load#loadOnly}, {@link Load#defer},
     * {@link Load#undefer} and {@link Load#undeferGroup} are the named factories.
     *
     * @throws io.retort.exception.InvalidArgumentException if no column is named, or they are of several classes
     */
    public static LoadOption ofColumns(ColumnLoading loading, ColumnAttribute<?, ?>... attributes) {
        return new LoadOption(List.of(), columnsOf(loading, null, attributes));
    }

    /** {@link Load#undeferGroup}: the columns of {@code entityClass} whose mapping defers them in {@code group}. */
    public static LoadOption ofGroup(Class<?> entityClass, String group) {
        return new LoadOption(List.of(), new Columns(ColumnLoading.UNDEFER_GROUP, entityClass, List.of(), group,
                false));
    }

    private static Columns columnsOf(ColumnLoading loading, @org.jspecify.annotations.Nullable Class<?> target,
            ColumnAttribute<?, ?>... attributes) {
        if (attributes.length == 0) {
            throw new io.retort.exception.InvalidArgumentException(loading.name().toLowerCase(java.util.Locale.ROOT)
                    + "(...) needs at least one column attribute");
        }
        Class<?> owner = attributes[0].entityClass();
        for (ColumnAttribute<?, ?> attribute : attributes) {
            if (target != null && !attribute.entityClass().isAssignableFrom(target)) {
                throw new io.retort.exception.InvalidArgumentException("Column option " + attribute + ": the path"
                        + " leads to " + target.getSimpleName() + ", not to " + attribute.entityClass()
                                .getSimpleName());
            }
            if (target == null && !attribute.entityClass().equals(owner)) {
                throw new io.retort.exception.InvalidArgumentException("A column option names columns of one"
                        + " class; " + List.of(attributes) + " are of " + owner.getSimpleName() + " and "
                        + attribute.entityClass().getSimpleName() + ": give one option per class");
            }
        }
        return new Columns(loading, target != null ? target : owner, List.of(attributes), "", false);
    }

    /**
     * This path's objects loaded with only these columns and their key; the others are deferred (left out of the
     * query, loaded on first read), as SQLAlchemy's {@code selectinload(User.addresses).load_only(Address.email)}.
     */
    public LoadOption loadOnly(ColumnAttribute<?, ?>... attributes) {
        return withColumns(ColumnLoading.LOAD_ONLY, attributes);
    }

    /** This path's objects loaded without these columns, which load on first read. */
    public LoadOption defer(ColumnAttribute<?, ?>... attributes) {
        return withColumns(ColumnLoading.DEFER, attributes);
    }

    /** This path's objects loaded with these columns although their mapping defers them. */
    public LoadOption undefer(ColumnAttribute<?, ?>... attributes) {
        return withColumns(ColumnLoading.UNDEFER, attributes);
    }

    /** This path's objects loaded with the columns their mapping defers in {@code group}. */
    public LoadOption undeferGroup(String group) {
        if (path.isEmpty() || columns != null) {
            throw new io.retort.exception.InvalidArgumentException("undeferGroup(\"" + group + "\") continues a"
                    + " relationship path, not " + this);
        }
        Class<?> target = path.get(path.size() - 1).relationship().targetClass();
        return new LoadOption(path, new Columns(ColumnLoading.UNDEFER_GROUP, target, List.of(), group, false));
    }

    /**
     * The columns this option defers raise on first read instead of loading, as SQLAlchemy's
     * {@code defer(User.bio, raiseload=True)}: {@code defer(User_.bio).raiseOnLoad()}.
     *
     * @throws io.retort.exception.InvalidArgumentException if this option does not defer columns
     */
    public LoadOption raiseOnLoad() {
        Columns current = columns;
        if (current == null || current.loading() == ColumnLoading.UNDEFER
                || current.loading() == ColumnLoading.UNDEFER_GROUP) {
            throw new io.retort.exception.InvalidArgumentException("raiseOnLoad() applies to defer(...) or"
                    + " loadOnly(...), not to " + this);
        }
        return new LoadOption(path, new Columns(current.loading(), current.entityClass(), current.attributes(), "",
                true));
    }

    private LoadOption withColumns(ColumnLoading loading, ColumnAttribute<?, ?>... attributes) {
        if (columns != null) {
            throw new io.retort.exception.InvalidArgumentException("A path has one column option; " + this
                    + " has one already: give another option, e.g. .options(" + this + ", ...)");
        }
        if (path.isEmpty()) {
            return new LoadOption(path, columnsOf(loading, null, attributes));
        }
        return new LoadOption(path, columnsOf(loading, path.get(path.size() - 1).relationship().targetClass(),
                attributes));
    }

    /** The column option at the end of the path, or null. */
    public @org.jspecify.annotations.Nullable Columns columns() {
        return columns;
    }

    /** The class the option starts at: the first relationship's, or a column option's. */
    public Class<?> entityClass() {
        Columns own = columns;
        return path.isEmpty() && own != null ? own.entityClass() : path.get(0).relationship().entityClass();
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
        if (path.isEmpty() || columns != null) {
            throw new io.retort.exception.InvalidArgumentException("innerJoin() applies to joined(...), not to "
                    + this);
        }
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
        if (path.isEmpty() || columns != null) {
            throw new io.retort.exception.InvalidArgumentException("Loader path " + this + " ends with a column"
                    + " option and cannot continue with " + next + "; give it as another option");
        }
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

    /** The steps, from the queried class outwards; empty for a column option of the queried class itself. */
    public List<Step> path() {
        return path;
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object other) {
        return other instanceof LoadOption && ((LoadOption) other).path.equals(path)
                && Objects.equals(((LoadOption) other).columns, columns);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Objects.hashCode(columns);
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
        Columns own = columns;
        if (own != null) {
            String name = switch (own.loading()) {
                case LOAD_ONLY -> "loadOnly";
                case DEFER -> "defer";
                case UNDEFER -> "undefer";
                case UNDEFER_GROUP -> "undeferGroup";
            };
            text.append(path.isEmpty() ? "" : ".").append(name).append('(');
            if (own.loading() == ColumnLoading.UNDEFER_GROUP) {
                text.append(path.isEmpty() ? own.entityClass().getSimpleName() + ".class, " : "").append('"')
                        .append(own.group()).append('"');
            } else {
                for (int i = 0; i < own.attributes().size(); i++) {
                    text.append(i > 0 ? ", " : "").append(own.attributes().get(i));
                }
            }
            text.append(')').append(own.raiseOnLoad() ? ".raiseOnLoad()" : "");
        }
        return text.toString();
    }
}
