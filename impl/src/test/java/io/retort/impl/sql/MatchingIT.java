package io.retort.impl.sql;

import static io.retort.impl.sql.WrongMeaningRegressionIT.assertRefused;
import static io.retort.impl.sql.WrongMeaningRegressionIT.assertSql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Issue 21: LIKE ... ESCAPE and regular-expression matches (test_operators.py LikeTest test_like_escape,
 * RegexpTest; test_postgresql RegexpTest test_regexp_match; test_mysql RegexpTestMySql test_regexp_match).
 */
class MatchingIT {
    private static Table items(MetaData metadata) {
        return metadata.table("items", column("id", INTEGER).primaryKey(), column("code", string(20)));
    }

    private static final MetaData SHAPES = new MetaData();
    private static final Table ITEMS = items(SHAPES);

    @DatabaseTest
    void likeEscapeAndRegexp(Engine engine, TestDatabase database) {
        var escaped = select(ITEMS.c("id")).where(ITEMS.c("code").like("50#%%", '#')).orderBy(ITEMS.c("id"));
        assertSql(escaped, database, "SELECT items.id FROM items WHERE items.code LIKE ? ESCAPE '#' ORDER BY items.id");
        var notEscaped = select(ITEMS.c("id")).where(ITEMS.c("code").notLike("50#%%", '#')).orderBy(ITEMS.c("id"));
        var regexp = select(ITEMS.c("id")).where(ITEMS.c("code").regexpMatch("^a[0-9]+$")).orderBy(ITEMS.c("id"));
        var notRegexp = select(ITEMS.c("id")).where(ITEMS.c("code").notRegexpMatch("^a[0-9]+$"))
                .orderBy(ITEMS.c("id"));
        switch (database) {
            case POSTGRESQL:
                assertSql(regexp, database, "SELECT items.id FROM items WHERE items.code ~ ? ORDER BY items.id");
                assertSql(notRegexp, database, "SELECT items.id FROM items WHERE items.code !~ ? ORDER BY items.id");
                break;
            case MARIADB:
                assertSql(regexp, database, "SELECT items.id FROM items WHERE items.code REGEXP ? ORDER BY items.id");
                assertSql(notRegexp, database, "SELECT items.id FROM items WHERE items.code NOT REGEXP ?"
                        + " ORDER BY items.id");
                break;
            case H2:
                assertSql(regexp, database, "SELECT items.id FROM items WHERE REGEXP_LIKE(items.code, ?)"
                        + " ORDER BY items.id");
                break;
            default:
                assertRefused(regexp, database, "A regular expression match is not supported by sqlite");
        }
        assertThatThrownBy(() -> ITEMS.c("code").like("x", '\\')).isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("LIKE escape character \\ is a quote or a backslash");
        MetaData metadata = new MetaData();
        Table items = items(metadata);
        metadata.dropAll(engine);
        metadata.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(items).values(List.of(Map.of("id", 1, "code", "50% off"),
                    Map.of("id", 2, "code", "500 off"), Map.of("id", 3, "code", "a123"))));
            assertThat(conn.execute(escaped).scalars().all()).containsExactly(1);
            assertThat(conn.execute(notEscaped).scalars().all()).containsExactly(2, 3);
            if (database != TestDatabase.SQLITE) {
                assertThat(conn.execute(regexp).scalars().all()).containsExactly(3);
                assertThat(conn.execute(notRegexp).scalars().all()).containsExactly(1, 2);
            }
        } finally {
            metadata.dropAll(engine);
        }
    }
}
