package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** pgjdbc: native uuid, intervals as text, enums and JSON bound untyped for the server to cast. */
class PostgresqlJdbcTypes extends JdbcTypes {

    /** PostgreSQL reads ISO-8601 durations ({@code PT1H30M}) as interval input. */
    @Override
    protected void bindInterval(PreparedStatement statement, int index, java.time.Duration value)
            throws SQLException {
        statement.setObject(index, value.toString(), java.sql.Types.OTHER);
    }

    /** Untyped, so that PostgreSQL casts the text to the column's enum type. */
    @Override
    protected void bindEnum(PreparedStatement statement, int index, String name) throws SQLException {
        statement.setObject(index, name, java.sql.Types.OTHER);
    }

    /** Untyped, so that PostgreSQL casts the text to json or jsonb. */
    @Override
    protected void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        statement.setObject(index, json, java.sql.Types.OTHER);
    }

    @Override
    protected @Nullable Object readUuid(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, UUID.class);
    }

    /** Parses PostgreSQL's default interval output, {@code [-]N days [-]HH:MM:SS[.ffffff]}; months have no Duration. */
    @Override
    protected @Nullable Object readInterval(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : PostgresqlIntervals.parse(text);
    }

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }
}
