package io.retort.orm;

import io.retort.orm.spi.OrmProvider;
import io.retort.sql.CompiledSql;
import io.retort.sql.Delete;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM-enabled DELETE of a mapped class's table, as SQLAlchemy's {@code delete(User)}: run by
 * {@link Session#execute(OrmDelete)}, it deletes the rows and takes the matching objects the Session holds out of it
 * ({@link Synchronize}): they are then deleted, and detached once the transaction commits.
 *
 * <pre>{@code
 * session.execute(Orm.delete(User.class).where(User_.name.eq("patrick")));
 * // DELETE FROM user_account WHERE user_account.name = ?
 * }</pre>
 *
 * Immutable and generative.
 *
 * @param <E> the mapped class
 */
public final class OrmDelete<E> {
    private final Class<E> entity;
    private final @Nullable Predicate where;
    private final Synchronize synchronize;

    private OrmDelete(Class<E> entity, @Nullable Predicate where, Synchronize synchronize) {
        this.entity = entity;
        this.where = where;
        this.synchronize = synchronize;
    }

    static <E> OrmDelete<E> of(Class<E> entity) {
        OrmProvider.instance().mapping(entity);
        return new OrmDelete<>(entity, null, Synchronize.AUTO);
    }

    /** Adds WHERE criteria, joined with AND. */
    public OrmDelete<E> where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return new OrmDelete<>(entity, combined, synchronize);
    }

    /** How held objects are brought in line; {@link Synchronize#AUTO} unless set. */
    public OrmDelete<E> synchronize(Synchronize how) {
        return new OrmDelete<>(entity, where, Objects.requireNonNull(how, "how"));
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The WHERE criteria, or null. */
    public @Nullable Predicate whereClause() {
        return where;
    }

    /** How held objects are brought in line. */
    public Synchronize synchronization() {
        return synchronize;
    }

    /** The Core DELETE. */
    public Delete statement() {
        Delete delete = Sql.delete(OrmProvider.instance().mapping(entity).table());
        return where == null ? delete : delete.where(where);
    }

    /** The SQL and parameters for a dialect, without a database. */
    public CompiledSql compile(String dialect) {
        return statement().compile(dialect);
    }

    /** The DELETE as SQL in the default dialect with {@code :name} parameters. */
    @Override
    public String toString() {
        return statement().toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrmDelete<?> o && o.entity.equals(entity) && Objects.equals(o.where, where)
                && o.synchronize == synchronize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, where, synchronize);
    }
}
