package io.retort.impl.dialect;

import io.retort.engine.DatabaseUrl;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** PostgreSQL through pgjdbc. */
public class PostgresqlDialect extends Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        return "jdbc:postgresql://" + Drivers.hostAndPort(url, "localhost") + "/"
                + (url.database() == null ? "" : url.database());
    }

    @Override
    public boolean dollarQuotedStrings() {
        return true;
    }

    @Override
    protected void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }
}
