package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** MySQL and MariaDB: DATETIME has no zone, so instants are stored in UTC. */
class MySqlJdbcTypes extends JdbcTypes {

    @Override
    protected void bindDateTimeTz(PreparedStatement statement, int index, java.time.OffsetDateTime value)
            throws SQLException {
        statement.setObject(index, TypedValues.utc(value));
    }

    @Override
    protected @Nullable Object readDateTimeTz(ResultSet rows, int index) throws SQLException {
        java.time.LocalDateTime utc = rows.getObject(index, java.time.LocalDateTime.class);
        return utc == null ? null : utc.atOffset(java.time.ZoneOffset.UTC);
    }
}
