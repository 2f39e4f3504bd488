package io.retort.schema;

/** What a table is made of: a {@link Column}, a {@link Constraint} or an {@link Index}. */
public sealed interface TableElement permits Column, Constraint, Index {
}
