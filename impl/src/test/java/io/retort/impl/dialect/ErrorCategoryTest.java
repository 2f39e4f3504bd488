package io.retort.impl.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLSTATE classes and SQLite result codes map to the exception categories. */
class ErrorCategoryTest {

    @ParameterizedTest
    @CsvSource({
        "23505, INTEGRITY", "23000, INTEGRITY", "22001, DATA", "22012, DATA", "40001, TRANSACTION_ROLLBACK",
        "40P01, TRANSACTION_ROLLBACK", "42P01, PROGRAMMING", "42S02, PROGRAMMING", "42000, PROGRAMMING",
        "3D000, PROGRAMMING", "28000, PROGRAMMING", "21000, PROGRAMMING", "0A000, NOT_SUPPORTED",
        "XX000, INTERNAL", "P0001, INTERNAL", "08006, OPERATIONAL", "57014, OPERATIONAL", "55P03, OPERATIONAL",
        "53300, OPERATIONAL", "HY000, OPERATIONAL", "HYT00, OPERATIONAL", "25P02, OPERATIONAL", "99999, UNKNOWN"})
    void sqlStateClasses(String sqlState, ErrorCategory expected) {
        assertThat(ErrorCategory.ofSqlState(sqlState)).isEqualTo(expected);
        assertThat(new PostgresqlDialect().classify(new SQLException("x", sqlState))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"19, INTEGRITY", "2067, INTEGRITY", "20, DATA", "18, DATA", "1, PROGRAMMING", "21, PROGRAMMING",
        "5, OPERATIONAL", "6, OPERATIONAL", "14, OPERATIONAL", "11, INTERNAL", "99, UNKNOWN"})
    void sqliteResultCodes(int resultCode, ErrorCategory expected) {
        // sqlite-jdbc reports no SQLSTATE, only the (possibly extended) result code; 2067 is
        // SQLITE_CONSTRAINT_UNIQUE.
        assertThat(new SqliteDialect().classify(new SQLException("x", null, resultCode))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1205, HY000, OPERATIONAL", "1213, 40001, TRANSACTION_ROLLBACK", "1062, 23000, INTEGRITY",
        "1927, 70100, OPERATIONAL", "1146, 42S02, PROGRAMMING"})
    void mysqlErrorNumbers(int errorNumber, String sqlState, ErrorCategory expected) {
        assertThat(new MySqlDialect("mariadb").classify(new SQLException("x", sqlState, errorNumber)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"08006, 0, true", "57P01, 0, true", "42P01, 0, false", "HY000, 2013, true"})
    void disconnects(String sqlState, int errorNumber, boolean expected) {
        assertThat(new MySqlDialect("mariadb").isDisconnect(new SQLException("x", sqlState, errorNumber)))
                .isEqualTo(expected);
    }
}
