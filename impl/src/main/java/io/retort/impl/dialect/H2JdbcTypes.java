package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** H2's driver: a native UUID type. */
class H2JdbcTypes extends JdbcTypes {

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    protected @Nullable Object readUuid(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, UUID.class);
    }
}
