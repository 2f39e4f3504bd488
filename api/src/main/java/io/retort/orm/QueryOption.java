package io.retort.orm;

import io.retort.exception.InvalidArgumentException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An option of how an ORM query runs, given with {@link EntitySelect#options(QueryOption...)} or
 * {@link OrmSelect#options(QueryOption...)}:
 *
 * <pre>{@code
 * import static io.retort.orm.QueryOption.*;
 *
 * session.scalars(select(User.class).options(populateExisting()));   // overwrite the objects the session holds
 * session.scalars(select(User.class).options(yieldPer(1000)));       // load and hand out 1,000 rows at a time
 * session.scalars(select(Person.class).options(selectinPolymorphic())); // subclass columns: one SELECT ... IN each
 * }</pre>
 *
 * Immutable; equal when of the same kind and size.
 */
public final class QueryOption {
    /** What an option does. */
    public enum Kind {
        /** Overwrite the loaded fields of objects the session already holds with the row's values. */
        POPULATE_EXISTING,
        /** Read and load the result in batches of {@link #batchSize()} rows, as they are consumed. */
        YIELD_PER,
        /** Load a JOINED hierarchy's subclass columns with one {@code SELECT ... IN} per subclass. */
        SELECTIN_POLYMORPHIC
    }

    private final Kind kind;
    private final int batchSize;

    private QueryOption(Kind kind, int batchSize) {
        this.kind = kind;
        this.batchSize = batchSize;
    }

    /**
     * SQLAlchemy's {@code populate_existing}: objects of the result that the session already holds get the row's
     * values, and their unflushed changes to those fields are discarded (with autoflush on, they were flushed first).
     */
    public static QueryOption populateExisting() {
        return new QueryOption(Kind.POPULATE_EXISTING, 0);
    }

    /**
     * SQLAlchemy's {@code selectin_polymorphic} for a query of a class of a JOINED hierarchy: the query reads only
     * the class's own tables and columns, then one {@code SELECT ... WHERE key IN (...)} per subclass whose objects
     * it returned reads their subclass tables (so 1 + the number of subclasses found statements), instead of
     * outer-joining every subclass table to the query. Criteria on subclass columns are then refused, as the query
     * no longer has their tables. For a query of one class; a SINGLE_TABLE hierarchy reads all columns from its one
     * table and refuses it.
     */
    public static QueryOption selectinPolymorphic() {
        return new QueryOption(Kind.SELECTIN_POLYMORPHIC, 0);
    }

    /**
     * SQLAlchemy's {@code yield_per}: the rows are read from the database and turned into objects {@code rows} at a
     * time while the result is consumed, and their relationships loaded per batch, so a result larger than memory can
     * be walked with {@link io.retort.engine.TypedResult#stream()} or a for loop. When the next batch is read, the
     * objects the previous one made leave the Session unless they were changed (changed ones stay and are flushed),
     * so memory holds one batch. Where SQLAlchemy keeps them in a weakly-referencing identity map, Retort's identity
     * map holds its objects, so it lets them go: a later write to such an object is refused with an error (never
     * lost), and a later query of its row makes a new instance. A joined collection ({@link Load#joined}) cannot be
     * split over batches and is refused; load it with {@link Load#selectIn}.
     *
     * @throws InvalidArgumentException if {@code rows} is not positive
     */
    public static QueryOption yieldPer(int rows) {
        if (rows <= 0) {
            throw new InvalidArgumentException("yieldPer(" + rows + "): the batch size must be at least 1");
        }
        return new QueryOption(Kind.YIELD_PER, rows);
    }

    /** What the option does. */
    public Kind kind() {
        return kind;
    }

    /** The batch size of {@link #yieldPer}, 0 for other options. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof QueryOption && ((QueryOption) other).kind == kind
                && ((QueryOption) other).batchSize == batchSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, batchSize);
    }

    /** {@code yieldPer(1000)}, {@code populateExisting()}. */
    @Override
    public String toString() {
        return switch (kind) {
            case YIELD_PER -> "yieldPer(" + batchSize + ")";
            case POPULATE_EXISTING -> "populateExisting()";
            case SELECTIN_POLYMORPHIC -> "selectinPolymorphic()";
        };
    }
}
