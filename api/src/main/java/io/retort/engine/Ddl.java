package io.retort.engine;

import io.retort.schema.MetaData;
import io.retort.spi.CoreProvider;
import java.util.List;

/**
 * DDL printed without a database, as SQLAlchemy's {@code CreateTable(table).compile(dialect=...)}:
 *
 * <pre>{@code
 * for (String statement : Ddl.create(metadata, "postgresql")) {
 *     System.out.println(statement + ";");
 * }
 * }</pre>
 *
 * Dialects: {@code sqlite}, {@code h2}, {@code postgresql}, {@code mysql}, {@code mariadb}.
 */
public final class Ddl {
    private Ddl() {
    }

    /** The statements {@link MetaData#createAll} would run on an empty database of this dialect. */
    public static List<String> create(MetaData metadata, String dialect) {
        return CoreProvider.instance().ddl(metadata, dialect, true);
    }

    /** The statements {@link MetaData#dropAll} would run when every table exists. */
    public static List<String> drop(MetaData metadata, String dialect) {
        return CoreProvider.instance().ddl(metadata, dialect, false);
    }
}
