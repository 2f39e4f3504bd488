package io.retort.orm;

import io.retort.orm.spi.OrmProvider;
import io.retort.sql.Expression;
import io.retort.sql.Insert;
import io.retort.sql.Sql;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM bulk INSERT of a mapped class, as SQLAlchemy's {@code session.execute(insert(User), [...])}: run with a list
 * of maps keyed by field name, it inserts them with Core's batched multi-row {@code INSERT ... RETURNING} (a JDBC
 * batch where the database has no RETURNING), without building objects.
 *
 * <pre>{@code
 * List<Integer> ids = session.execute(Orm.insert(User.class).returning(User_.id),
 *         List.of(Map.of("name", "spongebob"), Map.of("name", "sandy"))).scalars(Integer.class).all();  // input order
 * List<User> users = session.scalars(Orm.insert(User.class),
 *         List.of(Map.of("name", "patrick"), Map.of("name", "squidward"))).all();   // persistent objects, input order
 * }</pre>
 *
 * Immutable.
 *
 * @param <E> the mapped class
 */
public final class OrmInsert<E> {
    private final Class<E> entity;
    private final List<Expression<?>> returning;

    private OrmInsert(Class<E> entity, List<Expression<?>> returning) {
        this.entity = entity;
        this.returning = List.copyOf(returning);
    }

    static <E> OrmInsert<E> of(Class<E> entity) {
        OrmProvider.instance().mapping(entity);
        return new OrmInsert<>(entity, List.of());
    }

    /** Columns to return per inserted row, in the order of the maps: {@code returning(User_.id)}. */
    public OrmInsert<E> returning(Expression<?>... columns) {
        return new OrmInsert<>(entity, List.of(columns));
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The columns given to {@link #returning}. */
    public List<Expression<?>> returningClause() {
        return returning;
    }

    /** The Core INSERT, its rows to come from the maps. */
    public Insert statement() {
        Insert insert = Sql.insert(OrmProvider.instance().mapping(entity).table());
        return returning.isEmpty() ? insert : insert.returning(returning.toArray(new Expression<?>[0]));
    }

    /**
     * The INSERT as SQL in the default dialect, every column a named parameter as SQLAlchemy prints
     * {@code insert(User)}: {@code INSERT INTO users (id, name) VALUES (:id, :name)} and any RETURNING clause; run with
     * maps, it names the columns the maps give.
     */
    @Override
    public String toString() {
        return OrmProvider.instance().describe(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrmInsert<?> o && o.entity.equals(entity) && o.returning.equals(returning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, returning);
    }
}
