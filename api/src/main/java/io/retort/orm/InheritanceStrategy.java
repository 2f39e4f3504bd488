package io.retort.orm;

/** How the classes of a mapped hierarchy are stored, as SQLAlchemy's single-table and joined-table inheritance. */
public enum InheritanceStrategy {
    /**
     * One table for the whole hierarchy: every class's columns are columns of the base class's table (NULL in the rows
     * of the other classes), and the discriminator column tells each row's class.
     */
    SINGLE_TABLE,
    /**
     * A table per class: the base class's table holds the base fields and the discriminator, each subclass's table
     * holds its own fields and the primary key, which is also a foreign key to its superclass's table.
     */
    JOINED
}
