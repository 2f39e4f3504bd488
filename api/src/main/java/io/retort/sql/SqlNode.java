package io.retort.sql;

/** A node of a statement: it tells a {@link SqlVisitor} what it is. */
public interface SqlNode {
    /** Calls the visitor's method for this node's kind. */
    void accept(SqlVisitor visitor);
}
