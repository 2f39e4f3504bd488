package io.retort.schema;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    /** {@code NO ACTION}: the database's default, checked at the end of the statement. */
    NO_ACTION("NO ACTION"),
    /** {@code RESTRICT}: refused at once. */
    RESTRICT("RESTRICT"),
    /** {@code CASCADE}: the referencing rows are deleted or updated too. */
    CASCADE("CASCADE"),
    /** {@code SET NULL}: the referencing columns become NULL. */
    SET_NULL("SET NULL"),
    /** {@code SET DEFAULT}: the referencing columns take their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL keywords. */
    public String sql() {
        return sql;
    }
}
