package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that holds related mapped objects, as SQLAlchemy's {@code relationship()}. Its kind follows from the
 * field's type and the foreign keys:
 *
 * <pre>{@code
 * @Mapped(table = "user_account")
 * class User {
 *     @Id Integer id;
 *     @Relationship(backPopulates = "user") List<Address> addresses = new ArrayList<>();   // one-to-many
 *     @Relationship(secondary = "user_group", backPopulates = "members") Set<Group> groups = new HashSet<>();
 * }
 * @Mapped
 * class Address {
 *     @Id Integer id;
 *     @ForeignKey("user_account.id") Integer userId;
 *     @Relationship(backPopulates = "addresses") User user;                                 // many-to-one
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A single-object field is <b>many-to-one</b> when this class has a {@link ForeignKey} field to the target's
 *       table (name it with {@link #foreignKey()} when there are several), or <b>one-to-one</b> when the target's table
 *       has the foreign key to this one.</li>
 *   <li>A {@code List}, {@code Set} or {@code Collection} field is <b>one-to-many</b> (the target has the foreign key),
 *       or <b>many-to-many</b> through {@link #secondary()}, an association table the ORM defines with one column per
 *       side, {@code <table>_<key column>}, each a foreign key to its side.</li>
 * </ul>
 *
 * <p>Collections are ORM-owned: when an object is added to a session or loaded, its collection fields hold the ORM's
 * own {@code List} or {@code Set}, which loads lazily and keeps {@link #backPopulates()} in sync.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {

    /**
     * The field of the target class that is the other side of this relationship, kept in sync in memory at once, in
     * or out of a session: adding to a collection sets the element's reference, removing from it clears the
     * reference; setting a reference adds the object to the new target's loaded collection and takes it out of the
     * old target's.
     */
    String backPopulates() default "";

    /** What operations on this object carry over to the related ones; SQLAlchemy's default is save-update, merge. */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /** How the related objects load when this object is loaded; see {@link Loading}. */
    Loading loading() default Loading.DEFAULT;

    /** For a many-to-many collection: the association table's name. */
    String secondary() default "";

    /**
     * The foreign-key field (of this class for many-to-one, of the target for one-to-many and one-to-one) when more
     * than one refers to the other table.
     */
    String foreignKey() default "";

    /**
     * For a many-to-one in a cycle of rows (two rows that refer to each other): write the foreign key with an UPDATE
     * after both rows are inserted, and clear it with an UPDATE before they are deleted, as SQLAlchemy's
     * {@code post_update=True}.
     */
    boolean postUpdate() default false;

    /**
     * How a collection is ordered when loaded: fields of the target class, each optionally followed by {@code asc} or
     * {@code desc}, separated by commas ({@code "name desc, id"}; {@code "-name"} is descending too); by default the
     * target's primary key, ascending.
     */
    String orderBy() default "";
}
