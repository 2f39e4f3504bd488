package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.orm.LoadOption;
import io.retort.orm.Loading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The loader options of a query as a tree: for each relationship a path names, how it loads and what loads beyond
 * it. Relationships no option names load by their own default. Immutable once built.
 */
final class LoadPlan {
    static final LoadPlan NONE = new LoadPlan(null, null);

    private final @Nullable Loading loading;
    private final LoadOption.@Nullable Step step;
    private final Map<RelationshipMapper, LoadPlan> children = new LinkedHashMap<>();
    /** The column options of this node's objects, in the order given. */
    private final List<LoadOption.Columns> columns = new java.util.ArrayList<>();

    private LoadPlan(@Nullable Loading loading, LoadOption.@Nullable Step step) {
        this.loading = loading;
        this.step = step;
    }

    /**
     * The tree of a query's options, rooted at the queried class.
     *
     * @throws InvalidArgumentException if a path names a relationship of another class
     */
    static LoadPlan of(EntityMapper<?> root, List<LoadOption> options) {
        if (options.isEmpty()) {
            return NONE;
        }
        LoadPlan plan = new LoadPlan(null, null);
        for (LoadOption option : options) {
            LoadPlan node = plan;
            EntityMapper<?> mapper = root;
            for (LoadOption.Step step : option.path()) {
                if (!step.relationship().entityClass().isAssignableFrom(mapper.entityClass())) {
                    throw new InvalidArgumentException("Loader option " + option + ": " + step.relationship()
                            + " is not a relationship of " + mapper.entityClass().getSimpleName());
                }
                RelationshipMapper relationship = mapper.relationship(step.relationship().attributeName());
                Loading loading = step.loading() == Loading.DEFAULT ? relationship.loading : step.loading();
                LoadPlan existing = node.children.get(relationship);
                LoadPlan child = existing != null && existing.loading == loading && step.equals(existing.step)
                        ? existing : new LoadPlan(loading, step);
                if (existing != null && existing != child) {
                    child.children.putAll(existing.children);
                    child.columns.addAll(existing.columns);
                }
                node.children.put(relationship, child);
                node = child;
                mapper = relationship.target;
            }
            LoadOption.Columns own = option.columns();
            if (own != null) {
                if (!own.entityClass().isAssignableFrom(mapper.entityClass())) {
                    throw new InvalidArgumentException("Loader option " + option + " names columns of "
                            + own.entityClass().getSimpleName() + ", not of " + mapper.entityClass().getSimpleName());
                }
                node.columns.add(own);
            }
        }
        return plan;
    }

    /** The column options ({@code loadOnly}, {@code defer}, ...) of this node's objects. */
    List<LoadOption.Columns> columnOptions() {
        return columns;
    }

    /** How a relationship loads under this node: the option's strategy, or the relationship's default. */
    Loading loadingOf(RelationshipMapper relationship) {
        LoadPlan child = children.get(relationship);
        return child != null && child.loading != null ? child.loading : relationship.loading;
    }

    /** The option's step for a relationship under this node (inner join, contains eager), or null. */
    LoadOption.@Nullable Step stepOf(RelationshipMapper relationship) {
        LoadPlan child = children.get(relationship);
        return child == null ? null : child.step;
    }

    /** The options beyond a relationship (NONE when no path continues through it). */
    LoadPlan next(RelationshipMapper relationship) {
        LoadPlan child = children.get(relationship);
        return child == null ? NONE : child;
    }
}
