package io.retort.orm;

import io.retort.schema.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Mapped} class maps to its table: built once per class from its annotations, validated, and shared by
 * every session and {@link Registry}. Immutable and thread-safe.
 *
 * @param <E> the mapped class
 */
public interface EntityMapping<E> {

    /** The mapped class. */
    Class<E> entityClass();

    /** The table, with one column per mapped field. */
    Table table();

    /** The mapped fields' names, in declaration order (superclass fields first). */
    List<String> attributeNames();

    /**
     * The column of a mapped field.
     *
     * @throws io.retort.exception.InvalidArgumentException if the class maps no field of that name, listing those
     *         it maps
     */
    io.retort.schema.Column<?> column(String attribute);

    /** The Java type of a mapped field (primitives boxed). */
    Class<?> attributeType(String attribute);

    /** The primary-key fields, in key order. */
    List<String> primaryKeyAttributes();

    /** The {@link Version} field, or {@code null}. */
    @Nullable String versionAttribute();

    /**
     * The {@link Relationship} fields, in declaration order. Asking resolves them (their target classes, foreign keys
     * and {@code backPopulates}), so mapping errors in relationships surface here.
     *
     * @throws io.retort.exception.MappingException naming the class and field of an invalid relationship
     */
    List<String> relationshipNames();

    /** The related class of a relationship (the element type of a collection). */
    Class<?> relationshipTarget(String relationship);

    /** The association tables of this class's many-to-many relationships. */
    List<Table> associationTables();

    /**
     * {@code select} joined to a relationship's target table ({@code JOIN address ON address.user_id =
     * user_account.id}); a many-to-many joins the association table first.
     */
    io.retort.sql.Select joinRelationship(io.retort.sql.Select select, String relationship, boolean outer);

    /**
     * The SELECT that loads this class's instances: its table's columns, in the order of {@link #attributeNames()},
     * and, in an {@link Inheritance} hierarchy, the superclasses' tables joined on the key, the subclasses' tables
     * (JOINED) outer-joined and their columns after this class's, and (SINGLE_TABLE, below the base class) the
     * discriminator restricted to this class and its subclasses.
     */
    io.retort.sql.Select select();

    /** The tables this class's rows are stored in: in a JOINED hierarchy, its superclasses' tables first. */
    List<Table> tables();

    /** The nearest mapped superclass in an {@link Inheritance} hierarchy, or {@code null}. */
    @Nullable Class<?> mappedSuperclass();

    /** The mapped subclasses at any depth (from {@link Inheritance#subclasses()}), empty outside a hierarchy. */
    List<Class<?>> mappedSubclasses();

    /** The discriminator value of this class's rows ({@link PolymorphicIdentity}), or {@code null} outside a hierarchy. */
    @Nullable String polymorphicIdentity();

    /**
     * {@code select} joined through a relationship from {@code owner} (this class's table or an alias of it) to
     * {@code target} (the related class's table, an alias of it, or a subquery with its columns).
     */
    io.retort.sql.Select joinRelationship(io.retort.sql.Select select, String relationship,
            io.retort.sql.TableReference owner, io.retort.sql.TableReference target, boolean outer);

    /**
     * The identity of an instance: its primary-key value, or a {@code List} of the values of a composite key;
     * {@code null} while some key field is null.
     */
    @Nullable Object identityOf(E instance);
}
