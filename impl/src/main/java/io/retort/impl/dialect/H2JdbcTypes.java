package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** H2's driver: a native UUID type; DECFLOAT values read without a negative scale. */
class H2JdbcTypes extends JdbcTypes {

    /** A DECFLOAT value comes back normalized, 10.00 as 1E+1: read as 10, the same number in plain notation. */
    @Override
    protected java.math.@Nullable BigDecimal readDecimal(ResultSet rows, int index) throws SQLException {
        java.math.BigDecimal value = rows.getBigDecimal(index);
        return value != null && value.scale() < 0 ? value.setScale(0) : value;
    }

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    protected @Nullable Object readUuid(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, UUID.class);
    }
}
