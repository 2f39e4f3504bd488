package io.retort.orm;

import io.retort.schema.Column;
import io.retort.orm.spi.OrmProvider;
import io.retort.sql.ColumnReference;
import io.retort.sql.TableReference;
import io.retort.types.SqlType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mapped field as an expression of the SQL expression language: the typed metamodel that
 * {@code retort-processor} generates ({@code User_.name}) is made of these, and {@link Orm#attribute} names one by
 * string for dynamic code.
 *
 * <pre>{@code
 * session.scalars(select(User.class).where(User_.name.eq("spongebob")).orderBy(User_.id))
 * // SELECT user_account.id, user_account.name, user_account.fullname FROM user_account
 * // WHERE user_account.name = ? ORDER BY user_account.id
 * }</pre>
 *
 * <p>The attribute stands for its class's mapped column, which is looked up (and the class's mapping validated) the
 * first time it is used, so generated metamodel classes can be loaded before the mapping is complete. Immutable and
 * thread-safe; equal when they name the same field of the same class.
 *
 * @param <E> the mapped class
 * @param <T> the field's type (primitives boxed)
 */
public final class ColumnAttribute<E, T> implements ColumnReference<T> {
    private final Class<E> entity;
    private final String attribute;
    private final Class<T> javaType;
    private volatile @Nullable Column<T> column;

    private ColumnAttribute(Class<E> entity, String attribute, Class<T> javaType) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** The attribute for a field of a mapped class; used by generated metamodel classes. */
    public static <E, T> ColumnAttribute<E, T> of(Class<E> entity, String attribute, Class<T> javaType) {
        return new ColumnAttribute<>(entity, attribute, javaType);
    }

    /** The mapped class. */
    public Class<E> entityClass() {
        return entity;
    }

    /** The field's name. */
    public String attributeName() {
        return attribute;
    }

    /** The field's Java type. */
    public Class<T> javaType() {
        return javaType;
    }

    /**
     * The mapped column.
     *
     * @throws io.retort.exception.MappingException if the class's mapping is invalid
     * @throws io.retort.exception.InvalidArgumentException if the class maps no field of this name, or the field's
     *         type is not {@link #javaType()}
     */
    @SuppressWarnings("unchecked")
    public Column<T> column() {
        Column<T> resolved = column;
        if (resolved == null) {
            EntityMapping<E> mapping = OrmProvider.instance().mapping(entity);
            Column<?> found = mapping.column(attribute);
            Class<?> actual = mapping.attributeType(attribute);
            if (!actual.equals(javaType)) {
                throw new io.retort.exception.InvalidArgumentException("Attribute " + entity.getSimpleName() + "."
                        + attribute + " is a " + actual.getName() + ", not a " + javaType.getName()
                        + "; name it with its field's type, or regenerate the metamodel");
            }
            resolved = (Column<T>) found;
            column = resolved;
        }
        return resolved;
    }

    @Override
    public String name() {
        return column().name();
    }

    @Override
    public TableReference tableReference() {
        return column().tableReference();
    }

    @Override
    public SqlType<T> type() {
        return column().type();
    }

    @Override
    public java.util.function.@Nullable Supplier<?> clientDefault() {
        return column().clientDefault();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ColumnAttribute && ((ColumnAttribute<?, ?>) other).entity.equals(entity)
                && ((ColumnAttribute<?, ?>) other).attribute.equals(attribute);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + attribute.hashCode();
    }

    /** {@code User.name}. */
    @Override
    public String toString() {
        return entity.getSimpleName() + "." + attribute;
    }
}
