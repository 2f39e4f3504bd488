package io.retort.schema;

import org.jspecify.annotations.Nullable;

/** A table constraint: primary key, foreign key, unique or check. */
public sealed interface Constraint extends TableElement
        permits PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint, CheckConstraint {

    /** The constraint's name, or {@code null} to let the database name it. */
    @Nullable String name();
}
