package io.retort.engine;

import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.UniqueConstraint;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the schema of a live database, as SQLAlchemy's {@code inspect(engine)}: the tables of the connection's
 * current schema (or database), and each table's columns, keys and indexes. Names come back as the database
 * reports them, except that databases folding unquoted names to upper case (H2) report all-upper-case names in
 * lower case. Obtained from {@link Connection#inspector()}; valid while the connection is open.
 */
public interface Inspector {

    /** The names of the tables, sorted. */
    List<String> tableNames();

    /** Whether a table exists. */
    boolean hasTable(String table);

    /** Whether a sequence exists (always false where the database has none). */
    boolean hasSequence(String sequence);

    /** Whether a user-defined enum type exists (PostgreSQL; false elsewhere). */
    boolean hasEnumType(String type);

    /** The columns of a table, in order. */
    List<ReflectedColumn> columns(String table);

    /** The table's primary key, if it has one. */
    Optional<PrimaryKeyConstraint> primaryKey(String table);

    /** The table's foreign keys. */
    List<ForeignKeyConstraint> foreignKeys(String table);

    /** The table's indexes, without those the database made for its primary key and unique constraints. */
    List<Index> indexes(String table);

    /** The table's unique constraints. */
    List<UniqueConstraint> uniqueConstraints(String table);
}
