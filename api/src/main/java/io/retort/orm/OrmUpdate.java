package io.retort.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.orm.spi.OrmProvider;
import io.retort.sql.CompiledSql;
import io.retort.sql.Expression;
import io.retort.sql.Predicate;
import io.retort.sql.Sql;
import io.retort.sql.Update;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM-enabled UPDATE of a mapped class's table, as SQLAlchemy's {@code update(User)}: run by
 * {@link Session#execute(OrmUpdate)} with WHERE criteria, it updates the rows and brings the objects the Session
 * holds in line ({@link Synchronize}); run with a list of maps ({@link Session#execute(OrmUpdate, java.util.List)}),
 * it is a bulk UPDATE by primary key.
 *
 * <pre>{@code
 * session.execute(Orm.update(User.class).set(User_.fullname, "Sandy S.").where(User_.name.eq("sandy")));
 * // UPDATE user_account SET fullname=? WHERE user_account.name = ?    (sandy, if held, shows "Sandy S." at once)
 * }</pre>
 *
 * Immutable and generative.
 *
 * @param <E> the mapped class
 */
public final class OrmUpdate<E> {
    private final Class<E> entity;
    private final Map<String, @Nullable Object> values;
    private final @Nullable Predicate where;
    private final Synchronize synchronize;

    private OrmUpdate(Class<E> entity, Map<String, @Nullable Object> values, @Nullable Predicate where,
            Synchronize synchronize) {
        this.entity = entity;
        this.values = Collections.unmodifiableMap(values);
        this.where = where;
        this.synchronize = synchronize;
    }

    static <E> OrmUpdate<E> of(Class<E> entity) {
        OrmProvider.instance().mapping(entity);
        return new OrmUpdate<>(entity, new LinkedHashMap<>(), null, Synchronize.AUTO);
    }

    /** Sets a field to a value. */
    public <T> OrmUpdate<E> set(ColumnAttribute<? super E, T> attribute, @Nullable T value) {
        return value(attribute.attributeName(), value);
    }

    /** Sets a field to an expression: {@code set(User_.age, User_.age.plus(1))}. */
    public <T> OrmUpdate<E> set(ColumnAttribute<? super E, T> attribute, Expression<? extends T> value) {
        return value(attribute.attributeName(), value);
    }

    /**
     * Sets fields by name to values or expressions.
     *
     * @throws InvalidArgumentException if the class maps no such field
     */
    public OrmUpdate<E> values(Map<String, ? extends @Nullable Object> attributeValues) {
        OrmUpdate<E> result = this;
        for (Map.Entry<String, ? extends @Nullable Object> entry : attributeValues.entrySet()) {
            result = result.value(entry.getKey(), entry.getValue());
        }
        return result;
    }

    private OrmUpdate<E> value(String attribute, @Nullable Object value) {
        OrmProvider.instance().mapping(entity).column(attribute); // names the fields it maps when unknown
        Map<String, @Nullable Object> more = new LinkedHashMap<>(values);
        more.put(attribute, value);
        return new OrmUpdate<>(entity, more, where, synchronize);
    }

    /** Adds WHERE criteria, joined with AND. */
    public OrmUpdate<E> where(Predicate... criteria) {
        Predicate combined = where;
        for (Predicate criterion : criteria) {
            combined = combined == null ? criterion : combined.and(criterion);
        }
        return new OrmUpdate<>(entity, new LinkedHashMap<>(values), combined, synchronize);
    }

    /** How held objects are brought in line; {@link Synchronize#AUTO} unless set. */
    public OrmUpdate<E> synchronize(Synchronize how) {
        return new OrmUpdate<>(entity, new LinkedHashMap<>(values), where, Objects.requireNonNull(how, "how"));
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The new values by field name, in the order set. */
    public Map<String, @Nullable Object> values() {
        return values;
    }

    /** The WHERE criteria, or null. */
    public @Nullable Predicate whereClause() {
        return where;
    }

    /** How held objects are brought in line. */
    public Synchronize synchronization() {
        return synchronize;
    }

    /**
     * The Core UPDATE, the values keyed by column.
     *
     * @throws InvalidArgumentException if no value was set
     */
    public Update statement() {
        EntityMapping<E> mapping = OrmProvider.instance().mapping(entity);
        if (values.isEmpty()) {
            throw new InvalidArgumentException("Orm.update(" + entity.getSimpleName() + ") sets no field; add"
                    + " set(...) or values(...)");
        }
        Map<String, @Nullable Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : values.entrySet()) {
            byColumn.put(mapping.column(entry.getKey()).name(), entry.getValue());
        }
        Update update = Sql.update(mapping.table()).values(byColumn);
        return where == null ? update : update.where(where);
    }

    /** The SQL and parameters for a dialect, without a database. */
    public CompiledSql compile(String dialect) {
        return statement().compile(dialect);
    }

    /**
     * The UPDATE as SQL in the default dialect with {@code :name} parameters; without values or criteria, the bulk
     * UPDATE by primary key it runs with a list of maps ({@code UPDATE users SET name=:name, ... WHERE users.id =
     * :pk_id}, each map setting the fields it names).
     */
    @Override
    public String toString() {
        return values.isEmpty() && where == null ? OrmProvider.instance().describe(this)
                : values.isEmpty() ? "update(" + entity.getSimpleName() + ")" : statement().toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrmUpdate<?> o && o.entity.equals(entity) && o.values.equals(values)
                && Objects.equals(o.where, where) && o.synchronize == synchronize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, values, where, synchronize);
    }
}
