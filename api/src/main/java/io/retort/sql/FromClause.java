package io.retort.sql;

/** Something a SELECT reads from: a table, or a join of tables. */
public interface FromClause extends SqlNode {
}
