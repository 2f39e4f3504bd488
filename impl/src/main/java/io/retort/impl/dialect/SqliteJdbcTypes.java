package io.retort.impl.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * SQLite has no date-time or exact decimal types: java.time values are stored as ISO-8601 text, as SQLAlchemy stores
 * them, and decimals as text.
 */
class SqliteJdbcTypes extends JdbcTypes {

    /**
     * SQLite's NUMERIC affinity keeps text that would lose digits as a REAL, so decimals are bound as text and read
     * back from text: exact to any precision.
     */
    @Override
    protected void bindDecimal(PreparedStatement statement, int index, java.math.BigDecimal value)
            throws SQLException {
        statement.setString(index, value.toPlainString());
    }

    @Override
    protected java.math.@Nullable BigDecimal readDecimal(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : new java.math.BigDecimal(text);
    }

    @Override
    protected void bindDate(PreparedStatement statement, int index, java.time.LocalDate value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    protected void bindTime(PreparedStatement statement, int index, java.time.LocalTime value) throws SQLException {
        statement.setString(index, TypedValues.TIME_TEXT.format(value));
    }

    @Override
    protected void bindDateTime(PreparedStatement statement, int index, java.time.LocalDateTime value)
            throws SQLException {
        statement.setString(index, TypedValues.DATETIME_TEXT.format(value));
    }

    /** Stored as UTC text with its offset, so that text order is time order. */
    @Override
    protected void bindDateTimeTz(PreparedStatement statement, int index, java.time.OffsetDateTime value)
            throws SQLException {
        statement.setString(index, TypedValues.DATETIME_TEXT.format(TypedValues.utc(value)) + "+00:00");
    }

    @Override
    protected @Nullable Object readDate(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    @Override
    protected @Nullable Object readTime(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalTime.parse(text);
    }

    @Override
    protected @Nullable Object readDateTime(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.LocalDateTime.parse(text.replace(' ', 'T'));
    }

    @Override
    protected @Nullable Object readDateTimeTz(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        return text == null ? null : java.time.OffsetDateTime.parse(text.replace(' ', 'T'));
    }

    /** java.time values of no declared type are stored as ISO-8601 text too. */
    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value instanceof TemporalAccessor) {
            statement.setString(index, value.toString());
        } else {
            super.bind(statement, index, value);
        }
    }
}
