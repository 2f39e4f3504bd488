package io.retort.impl.conformance;

import io.retort.sql.SqlNode;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One ported {@code assert_compile} case: the SQLAlchemy test it comes from, the dialect, the statement built with
 * Retort's API and the SQL Retort must give (of the same meaning; a different spelling names its entry in this
 * package's README), or the start of the error Retort must refuse it with.
 *
 * @param source {@code file::Class::test_name} of the SQLAlchemy test
 * @param dialect the dialect compiled for
 * @param statement builds the statement (inside the test, so that a failure to build is the case's failure)
 * @param expectedSql the SQL expected, or null when the case is refused
 * @param refusal the start of the CompileException message expected, or null
 */
record ConformanceCase(String source, String dialect, Supplier<SqlNode> statement, @Nullable String expectedSql,
        @Nullable String refusal) {

    static ConformanceCase sql(String source, String dialect, Supplier<SqlNode> statement, String expectedSql) {
        return new ConformanceCase(source, dialect, statement, expectedSql, null);
    }

    static ConformanceCase refused(String source, String dialect, Supplier<SqlNode> statement, String refusal) {
        return new ConformanceCase(source, dialect, statement, null, refusal);
    }
}
