package io.retort.impl.dialect;

/** The kind of a database error, chosen from its SQLSTATE class (or, for SQLite, its result code). */
public enum ErrorCategory {
    /** Class 23: a constraint was violated. */
    INTEGRITY,
    /** Class 22: a value is invalid for its type or operation. */
    DATA,
    /** Connection, resource and lock problems: classes 08, 24, 25, 53, 54, 55, 57, 58, HY. */
    OPERATIONAL,
    /** Class 40: the transaction was rolled back (serialization failure, deadlock). */
    TRANSACTION_ROLLBACK,
    /** Classes 42, 3D, 3F, 28, 21, 44, 2B: the statement is wrong for this database. */
    PROGRAMMING,
    /** Class 0A: a feature is not supported. */
    NOT_SUPPORTED,
    /** Class XX, P0: an internal error of the database. */
    INTERNAL,
    /** Anything else. */
    UNKNOWN;

    /** Classifies a standard five-character SQLSTATE by its two-character class. */
    public static ErrorCategory ofSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return UNKNOWN;
        }
        switch (sqlState.substring(0, 2).toUpperCase(java.util.Locale.ROOT)) {
            case "23":
                return INTEGRITY;
            case "22":
                return DATA;
            case "40":
                return TRANSACTION_ROLLBACK;
            case "42": case "3D": case "3F": case "28": case "21": case "44": case "2B": case "26": case "34":
                return PROGRAMMING;
            case "0A":
                return NOT_SUPPORTED;
            case "XX": case "P0":
                return INTERNAL;
            case "08": case "24": case "25": case "53": case "54": case "55": case "57": case "58": case "HY":
            case "70":
                return OPERATIONAL;
            default:
                return UNKNOWN;
        }
    }
}
