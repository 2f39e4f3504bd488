package io.retort.sql;

/**
 * A statement that a {@code Connection} can execute: a {@link TextClause} or a statement of the expression language.
 *
 * <p>Implementations are immutable values; their {@code equals} and {@code hashCode} describe the statement's
 * structure, never the values bound to it.
 */
public interface Executable {
}
