package io.retort.impl.compiler;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.and;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.or;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.CompileException;
import io.retort.impl.dialect.Drivers;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.SqlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first statements of the expression language, compiled per dialect: exact SQL and parameters. */
class ExpressionCompilerTest {
    private static final MetaData METADATA = new MetaData();
    private static final Table USERS = METADATA.table("user_account",
            column("id", INTEGER).primaryKey(), column("name", string(30)), column("fullname", string(100)));
    private static final Table ADDRESSES = METADATA.table("address",
            column("id", INTEGER).primaryKey(), column("user_id").references("user_account.id"),
            column("email_address", string(100)));
    private static final Table ORDER = METADATA.table("order",
            column("id", INTEGER).primaryKey(), column("user", string(30)).defaultValue(() -> "anonymous"));

    /** Exact SQL-and-parameter checks made by this class, counted across dialects. */
    private static final java.util.concurrent.atomic.AtomicInteger CHECKS = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void coversTheExpressionLanguageWithAtLeast150Checks() {
        System.out.println("[ExpressionCompilerTest] exact SQL and parameter checks: " + CHECKS.get());
        assertThat(CHECKS.get()).isGreaterThanOrEqualTo(150);
    }

    private static void assertCompiles(SqlNode statement, String dialect, String sql, Object... parameters) {
        CHECKS.incrementAndGet();
        CompiledStatement compiled = ExpressionCompiler.compile(Drivers.dialect(dialect), statement);
        assertThat(compiled.sql()).as(dialect).isEqualTo(sql);
        assertThat(ExpressionCompiler.collect(Drivers.dialect(dialect), statement).values()).as(dialect)
                .isEqualTo(Arrays.asList(parameters));
        // What an execution gathers with the cached compiled form (the shortcut of a plain statement) is the same.
        assertThat(ExpressionCompiler.collect(Drivers.dialect(dialect), statement, compiled).values())
                .as(dialect + ", collected with the compiled form").isEqualTo(Arrays.asList(parameters));
    }

    private static void assertCompilesEverywhere(SqlNode statement, String sql, Object... parameters) {
        for (String dialect : List.of("sqlite", "h2", "postgresql", "mariadb")) {
            assertCompiles(statement, dialect, sql, parameters);
        }
    }

    @Test
    void selectWithWhereAndOrder() {
        assertCompilesEverywhere(select(USERS.c("id"), USERS.c("name")).where(USERS.c("name").eq("spongebob"))
                .orderBy(USERS.c("id").desc()),
                "SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ?"
                        + " ORDER BY user_account.id DESC", "spongebob");
        assertCompilesEverywhere(select(USERS), "SELECT user_account.id, user_account.name, user_account.fullname"
                + " FROM user_account");
    }

    @Test
    void predicates() {
        assertCompilesEverywhere(select(USERS.c("id")).where(and(USERS.c("id").gt(1), or(USERS.c("name").like("s%"),
                USERS.c("fullname").isNull()), not(USERS.c("id").between(5, 9)))),
                "SELECT user_account.id FROM user_account WHERE user_account.id > ? AND (user_account.name LIKE ?"
                        + " OR user_account.fullname IS NULL) AND NOT (user_account.id BETWEEN ? AND ?)",
                1, "s%", 5, 9);
        assertCompilesEverywhere(select(USERS.c("id")).where(USERS.c("name").eq((Object) null),
                USERS.c("id").ne(3), USERS.c("id").le(4), USERS.c("id").ge(0), USERS.c("id").lt(10)),
                "SELECT user_account.id FROM user_account WHERE user_account.name IS NULL AND user_account.id <> ?"
                        + " AND user_account.id <= ? AND user_account.id >= ? AND user_account.id < ?", 3, 4, 0, 10);
        assertCompilesEverywhere(select(count()).from(USERS).where(USERS.c("id").in(List.of(1, 2, 3))),
                "SELECT count(*) FROM user_account WHERE user_account.id IN ?", List.of(1, 2, 3));
    }

    @Test
    void caseInsensitiveLike() {
        assertCompiles(select(USERS.c("id")).where(USERS.c("name").ilike("S%")), "postgresql",
                "SELECT user_account.id FROM user_account WHERE user_account.name ILIKE ?", "S%");
        assertCompiles(select(USERS.c("id")).where(USERS.c("name").ilike("S%")), "mariadb",
                "SELECT user_account.id FROM user_account WHERE lower(user_account.name) LIKE lower(?)", "S%");
    }

    @Test
    void limitAndOffsetPerDialect() {
        var page = select(USERS.c("id")).orderBy(USERS.c("id")).limit(10).offset(20);
        assertCompiles(page, "postgresql", "SELECT user_account.id FROM user_account ORDER BY user_account.id"
                + " LIMIT ? OFFSET ?", 10, 20);
        assertCompiles(page, "sqlite", "SELECT user_account.id FROM user_account ORDER BY user_account.id"
                + " LIMIT ? OFFSET ?", 10, 20);
        assertCompiles(page, "mariadb", "SELECT user_account.id FROM user_account ORDER BY user_account.id"
                + " LIMIT ? OFFSET ?", 10, 20);
        assertCompiles(page, "h2", "SELECT user_account.id FROM user_account ORDER BY user_account.id"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", 20, 10);
        var skip = select(USERS.c("id")).offset(5);
        assertCompiles(skip, "postgresql", "SELECT user_account.id FROM user_account OFFSET ?", 5);
        assertCompiles(skip, "sqlite", "SELECT user_account.id FROM user_account LIMIT -1 OFFSET ?", 5);
        assertCompiles(skip, "mariadb", "SELECT user_account.id FROM user_account LIMIT 18446744073709551615"
                + " OFFSET ?", 5);
        assertCompiles(skip, "h2", "SELECT user_account.id FROM user_account OFFSET ? ROWS", 5);
    }

    @Test
    void insertUpdateDelete() {
        assertCompilesEverywhere(insert(USERS).values(Map.of("name", "sandy")),
                "INSERT INTO user_account (name) VALUES (?)", "sandy");
        assertCompilesEverywhere(update(USERS).values(Map.of("fullname", "Sandy Cheeks"))
                .where(USERS.c("name").eq("sandy")),
                "UPDATE user_account SET fullname=? WHERE user_account.name = ?", "Sandy Cheeks", "sandy");
        assertCompilesEverywhere(update(USERS).values(Map.of("fullname", USERS.c("name"))),
                "UPDATE user_account SET fullname=user_account.name");
        assertCompilesEverywhere(delete(USERS).where(USERS.c("id").eq(7)),
                "DELETE FROM user_account WHERE user_account.id = ?", 7);
    }

    @Test
    void reservedNamesAreQuotedAndClientDefaultsApplied() {
        assertCompiles(insert(ORDER).values(Map.of("id", 1)), "postgresql",
                "INSERT INTO \"order\" (id, \"user\") VALUES (?, ?)", 1, "anonymous");
        assertCompiles(select(ORDER.c("user")).where(ORDER.c("id").eq(1)), "mariadb",
                "SELECT `order`.`user` FROM `order` WHERE `order`.id = ?", 1);
    }

    @Test
    void statementsAreValuesAndTheirEqualityIgnoresBoundValues() {
        var first = select(USERS.c("id")).where(USERS.c("name").eq("a"));
        var second = select(USERS.c("id")).where(USERS.c("name").eq("b"));
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(select(USERS.c("id")).where(USERS.c("name").ne("a")));
        var limited = first.limit(5);
        assertThat(first.limitClause()).isNull(); // generative: the original is unchanged
        assertThat(limited.limitClause()).isNotNull();
        assertThat(select(USERS.c("id")).limit(1)).isEqualTo(select(USERS.c("id")).limit(99));
    }

    @Test
    void errorsNameTheProblem() {
        assertThatThrownBy(() -> insert(USERS).values(Map.of("nope", 1))).hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("postgresql"), update(USERS)))
                .isInstanceOf(CompileException.class).hasMessageContaining("UPDATE user_account has no values");
        assertThatThrownBy(() -> select(USERS.c("id")).limit(-1)).hasMessageContaining("limit must be 0 or more");
    }

    @Test
    void joinsInferTheirOnClauseFromTheForeignKey() {
        assertCompilesEverywhere(select(USERS.c("name"), ADDRESSES.c("email_address")).join(ADDRESSES),
                "SELECT user_account.name, address.email_address FROM user_account JOIN address"
                        + " ON address.user_id = user_account.id");
        assertCompilesEverywhere(select(USERS.c("name")).outerJoin(ADDRESSES).where(ADDRESSES.c("id").isNull()),
                "SELECT user_account.name FROM user_account LEFT OUTER JOIN address"
                        + " ON address.user_id = user_account.id WHERE address.id IS NULL");
        assertCompilesEverywhere(select(ADDRESSES.c("email_address")).join(USERS, USERS.c("id").eq(ADDRESSES.c("user_id")))
                .where(USERS.c("name").eq("sandy")),
                "SELECT address.email_address FROM address JOIN user_account ON user_account.id = address.user_id"
                        + " WHERE user_account.name = ?", "sandy");
        assertCompiles(select(USERS.c("name")).fullJoin(ADDRESSES, ADDRESSES.c("user_id").eq(USERS.c("id"))),
                "postgresql", "SELECT user_account.name FROM user_account FULL OUTER JOIN address"
                        + " ON address.user_id = user_account.id");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("mariadb"),
                select(USERS.c("name")).fullJoin(ADDRESSES, ADDRESSES.c("user_id").eq(USERS.c("id")))))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("FULL OUTER JOIN (of address) is not supported by mariadb");
        assertThatThrownBy(() -> select(USERS.c("name")).join(ORDER))
                .hasMessageContaining("Cannot find a foreign key between [user_account] and order");
    }

    @Test
    void groupByAndHaving() {
        assertCompilesEverywhere(select(USERS.c("name"), count(ADDRESSES.c("id")).label("n")).join(ADDRESSES)
                .groupBy(USERS.c("name")).having(count(ADDRESSES.c("id")).gt(1L)),
                "SELECT user_account.name, count(address.id) AS n FROM user_account JOIN address"
                        + " ON address.user_id = user_account.id GROUP BY user_account.name"
                        + " HAVING count(address.id) > ?", 1L);
    }

    @Test
    void returningWhereTheDatabaseHasIt() {
        var insertReturning = insert(USERS).values(Map.of("name", "sandy")).returning(USERS.c("id"));
        for (String dialect : List.of("postgresql", "sqlite", "mariadb")) {
            assertCompiles(insertReturning, dialect, "INSERT INTO user_account (name) VALUES (?) RETURNING id",
                    "sandy");
        }
        assertCompiles(update(USERS).values(Map.of("name", "x")).where(USERS.c("id").eq(1))
                .returning(USERS.c("id"), USERS.c("name")), "postgresql",
                "UPDATE user_account SET name=? WHERE user_account.id = ? RETURNING id, name", "x", 1);
        assertCompiles(delete(USERS).where(USERS.c("id").eq(1)).returning(USERS.c("name")), "mariadb",
                "DELETE FROM user_account WHERE user_account.id = ? RETURNING name", 1);
        // H2: the insert's data change delta table, as a dialect whose RETURNING has another form (MSSQL's OUTPUT)
        assertCompiles(insertReturning, "h2",
                "SELECT id FROM FINAL TABLE (INSERT INTO user_account (name) VALUES (?))", "sandy");
        assertCompiles(insert(USERS).values(Map.of("name", "sandy")).returning(USERS.c("id"),
                io.retort.sql.Sql.upper(USERS.c("name")).label("shout")), "h2",
                "SELECT id, upper(name) AS shout FROM FINAL TABLE (INSERT INTO user_account (name) VALUES (?))",
                "sandy");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("h2"),
                update(USERS).values(Map.of("name", "x")).returning(USERS.c("id"))))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("UPDATE ... RETURNING (on user_account) is not supported by h2");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("mariadb"),
                update(USERS).values(Map.of("name", "x")).returning(USERS.c("id"))))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("UPDATE ... RETURNING (on user_account) is not supported by mariadb");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("mysql"), insertReturning))
                .isInstanceOf(CompileException.class).hasMessageContaining("not supported by mysql");
    }

    @Test
    void operatorsCastCaseAndEscapedMatching() {
        var name = USERS.c("name");
        assertCompiles(select(name.concat("!")), "postgresql",
                "SELECT (user_account.name || ?) FROM user_account", "!");
        assertCompiles(select(name.concat("!")), "mariadb", "SELECT concat(user_account.name, ?) FROM user_account",
                "!");
        assertCompilesEverywhere(select(USERS.c("id").plus(1)), "SELECT (user_account.id + ?) FROM user_account", 1);
        assertCompiles(select(io.retort.sql.Sql.cast(USERS.c("id"), string(10))), "postgresql",
                "SELECT CAST(user_account.id AS VARCHAR(10)) FROM user_account");
        assertCompiles(select(io.retort.sql.Sql.cast(USERS.c("name"), INTEGER)), "mariadb",
                "SELECT CAST(user_account.name AS SIGNED) FROM user_account");
        assertCompilesEverywhere(select(io.retort.sql.Sql.caseWhen(name.eq("sandy"), string(10), "squirrel")
                .otherwise("sponge")),
                "SELECT CASE WHEN user_account.name = ? THEN ? ELSE ? END FROM user_account",
                "sandy", "squirrel", "sponge");
        assertCompilesEverywhere(select(USERS.c("id")).where(name.contains("50%_off/")),
                "SELECT user_account.id FROM user_account WHERE user_account.name LIKE ? ESCAPE '/'",
                "%50/%/_off//%");
        assertCompilesEverywhere(select(USERS.c("id")).where(name.startsWith("a_")),
                "SELECT user_account.id FROM user_account WHERE user_account.name LIKE ? ESCAPE '/'", "a/_%");
        assertCompiles(select(USERS.c("id")).where(USERS.c("fullname").isDistinctFrom("x")), "postgresql",
                "SELECT user_account.id FROM user_account WHERE user_account.fullname IS DISTINCT FROM ?", "x");
        assertCompiles(select(USERS.c("id")).where(USERS.c("fullname").isDistinctFrom("x")), "mariadb",
                "SELECT user_account.id FROM user_account WHERE NOT (user_account.fullname <=> ?)", "x");
        assertCompilesEverywhere(select(io.retort.sql.Sql.coalesce(USERS.c("fullname"), name)),
                "SELECT coalesce(user_account.fullname, user_account.name) FROM user_account");
    }

    @Test
    void subqueriesCorrelateWithTheEnclosingStatement() {
        var addressCount = select(count()).from(ADDRESSES).where(ADDRESSES.c("user_id").eq(USERS.c("id")))
                .<Long>scalarSubquery();
        assertCompilesEverywhere(select(USERS.c("name"), addressCount.label("n")),
                "SELECT user_account.name, (SELECT count(*) FROM address WHERE address.user_id = user_account.id)"
                        + " AS n FROM user_account");
        assertCompilesEverywhere(select(USERS.c("name")).where(io.retort.sql.Sql.exists(select(ADDRESSES.c("id"))
                .where(ADDRESSES.c("user_id").eq(USERS.c("id")), ADDRESSES.c("email_address").like("%@x.org")))),
                "SELECT user_account.name FROM user_account WHERE EXISTS (SELECT address.id FROM address"
                        + " WHERE address.user_id = user_account.id AND address.email_address LIKE ?)", "%@x.org");
        assertCompilesEverywhere(select(USERS.c("name")).where(USERS.c("id").notIn(select(ADDRESSES.c("user_id")))),
                "SELECT user_account.name FROM user_account WHERE user_account.id NOT IN"
                        + " (SELECT address.user_id FROM address)");
        assertCompilesEverywhere(delete(USERS).where(io.retort.sql.Sql.exists(select(ADDRESSES.c("id"))
                .where(ADDRESSES.c("user_id").eq(USERS.c("id")))).not()),
                "DELETE FROM user_account WHERE NOT EXISTS (SELECT address.id FROM address"
                        + " WHERE address.user_id = user_account.id)");
    }

    @Test
    void statementsPrintAsReadableSqlAndCompileWithoutADatabase() {
        var statement = select(USERS.c("id")).where(USERS.c("name").eq("sandy"), USERS.c("id").in(List.of(1, 2)))
                .limit(3);
        assertThat(statement.toString()).isEqualTo("SELECT user_account.id FROM user_account"
                + " WHERE user_account.name = :name AND user_account.id IN :id LIMIT :limit");
        assertThat(statement.compile("h2").sql()).isEqualTo("SELECT user_account.id FROM user_account"
                + " WHERE user_account.name = ? AND user_account.id IN ? FETCH FIRST ? ROWS ONLY");
        assertThat(statement.compile("h2").parameters()).containsExactly("sandy", List.of(1, 2), 3);
        assertThat(insert(ORDER).values(Map.of("id", 1)).toString())
                .isEqualTo("INSERT INTO \"order\" (id, \"user\") VALUES (:id, :user)");
    }

    @Test
    void upsertPerDialect() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("id", 1);
        values.put("name", "sandy");
        var upsert = insert(USERS).values(values).onConflictDoUpdate(List.of("id"), List.of("name"));
        assertCompiles(upsert, "postgresql", "INSERT INTO user_account (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name", 1, "sandy");
        assertCompiles(upsert, "sqlite", "INSERT INTO user_account (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name", 1, "sandy");
        assertCompiles(upsert, "mariadb", "INSERT INTO user_account (id, name) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name)", 1, "sandy");
        assertCompiles(upsert, "h2", "MERGE INTO user_account USING (VALUES (?, ?)) AS excluded (id, name)"
                + " ON user_account.id = excluded.id WHEN MATCHED THEN UPDATE SET name = excluded.name"
                + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name)", 1, "sandy");
        var keep = insert(USERS).values(Map.of("id", 1)).onConflictDoNothing("id");
        assertCompiles(keep, "postgresql", "INSERT INTO user_account (id) VALUES (?) ON CONFLICT (id) DO NOTHING", 1);
        assertCompiles(keep, "mariadb", "INSERT INTO user_account (id) VALUES (?) ON DUPLICATE KEY UPDATE user_account.id = user_account.id", 1);
        assertCompiles(keep, "h2", "MERGE INTO user_account USING (VALUES (?)) AS excluded (id)"
                + " ON user_account.id = excluded.id WHEN NOT MATCHED THEN INSERT (id) VALUES (excluded.id)", 1);
        assertThatThrownBy(() -> insert(USERS).values(Map.of("id", 1)).onConflictDoNothing("nope"))
                .hasMessageContaining("no column 'nope'");
    }

    @Test
    void nullsOrderingAndCompoundSelects() {
        var byFullname = select(USERS.c("name")).orderBy(USERS.c("fullname").desc().nullsLast());
        for (String dialect : List.of("postgresql", "h2", "sqlite")) {
            assertCompiles(byFullname, dialect,
                    "SELECT user_account.name FROM user_account ORDER BY user_account.fullname DESC NULLS LAST");
        }
        assertCompiles(byFullname, "mariadb", "SELECT user_account.name FROM user_account"
                + " ORDER BY user_account.fullname IS NULL, user_account.fullname DESC");
        assertCompiles(select(USERS.c("name")).orderBy(USERS.c("fullname").asc().nullsFirst()), "mariadb",
                "SELECT user_account.name FROM user_account"
                        + " ORDER BY user_account.fullname IS NOT NULL, user_account.fullname");
        var either = select(USERS.c("name")).where(USERS.c("id").lt(2))
                .union(select(USERS.c("name")).where(USERS.c("id").gt(8)));
        assertCompilesEverywhere(either, "SELECT user_account.name FROM user_account WHERE user_account.id < ?"
                + " UNION SELECT user_account.name FROM user_account WHERE user_account.id > ?", 2, 8);
        var all = select(USERS.c("id")).unionAll(select(ADDRESSES.c("user_id"))).orderBy(USERS.c("id").asc()).limit(5);
        for (String dialect : List.of("postgresql", "sqlite", "mariadb")) {
            assertCompiles(all, dialect, "SELECT user_account.id FROM user_account UNION ALL SELECT address.user_id"
                    + " FROM address ORDER BY id LIMIT ?", 5);
        }
        assertCompiles(all, "h2", "SELECT user_account.id FROM user_account UNION ALL SELECT address.user_id"
                + " FROM address ORDER BY id FETCH FIRST ? ROWS ONLY", 5);
        assertCompilesEverywhere(select(USERS.c("id")).except(select(ADDRESSES.c("user_id"))),
                "SELECT user_account.id FROM user_account EXCEPT SELECT address.user_id FROM address");
        assertCompilesEverywhere(select(USERS.c("id")).intersect(select(ADDRESSES.c("user_id"))),
                "SELECT user_account.id FROM user_account INTERSECT SELECT address.user_id FROM address");
        var limitedMember = select(USERS.c("id")).limit(1).union(select(ADDRESSES.c("user_id")));
        assertCompiles(limitedMember, "postgresql",
                "(SELECT user_account.id FROM user_account LIMIT ?) UNION SELECT address.user_id FROM address", 1);
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("sqlite"), limitedMember))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("A SELECT with its own ORDER BY or LIMIT inside a UNION is not supported by sqlite");
        assertThatThrownBy(() -> select(USERS.c("id")).union(select(USERS.c("id"), USERS.c("name"))))
                .hasMessageContaining("need the same number of columns");
    }

    /**
     * A multi-row insert names each column's values {@code name}, {@code name_1}, ... in row order, still unique where a
     * column's own name looks like a suffixed one, and across a thousand rows (an executemany page, whose names are
     * now found without counting up from 1 for every value: {@code BulkInserts} with {@code rows=1500}).
     */
    @Test
    void multiRowInsertNamesItsValuesUniquely() {
        Table suffixed = new MetaData().table("suffixed", column("n", INTEGER), column("n_2", INTEGER));
        var three = insert(suffixed).values(java.util.Collections.nCopies(3, Map.of("n", 1, "n_2", 2)));
        assertThat(ExpressionCompiler.compile(Drivers.dialect("sqlite"), three).parameterNames())
                .containsExactlyInAnyOrder("n", "n_2", "n_1", "n_2_1", "n_3", "n_2_2");
        var page = insert(USERS).values(java.util.Collections.nCopies(1000, Map.of("id", 1, "name", "a")));
        List<String> names = ExpressionCompiler.compile(Drivers.dialect("sqlite"), page).parameterNames();
        assertThat(names).hasSize(2000).doesNotHaveDuplicates();
        assertThat(names.subList(1998, 2000)).containsExactlyInAnyOrder("id_999", "name_999");
    }

    @Test
    void multiRowInsertAndRowLocks() {
        var rows = insert(USERS).values(List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")));
        for (String dialect : List.of("postgresql", "sqlite", "mariadb", "h2")) {
            String sql = ExpressionCompiler.compile(Drivers.dialect(dialect), rows).sql();
            assertThat(sql).startsWith("INSERT INTO user_account (").endsWith("VALUES (?, ?), (?, ?)");
        }
        assertThat(ExpressionCompiler.collect(Drivers.dialect("postgresql"), rows).values()).hasSize(4);
        assertThatThrownBy(() -> insert(USERS).values(List.of(Map.of("id", 1), Map.of("name", "b"))))
                .hasMessageContaining("Row 2 of a multi-row insert into user_account names columns [name]");
        var locked = select(USERS.c("id")).where(USERS.c("id").eq(1));
        assertCompiles(locked.forUpdate(), "postgresql",
                "SELECT user_account.id FROM user_account WHERE user_account.id = ? FOR UPDATE", 1);
        assertCompiles(locked.forUpdateNoWait(), "mariadb",
                "SELECT user_account.id FROM user_account WHERE user_account.id = ? FOR UPDATE NOWAIT", 1);
        assertCompiles(locked.forUpdateSkipLocked(), "h2",
                "SELECT user_account.id FROM user_account WHERE user_account.id = ? FOR UPDATE SKIP LOCKED", 1);
        assertCompiles(locked.forUpdate(), "sqlite",
                "SELECT user_account.id FROM user_account WHERE user_account.id = ?", 1);
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("sqlite"), locked.forUpdateSkipLocked()))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("FOR UPDATE SKIP LOCKED is not supported by sqlite");
    }

    @Test
    void aliasesAndCommonTableExpressions() {
        var other = USERS.alias("other");
        assertCompilesEverywhere(select(USERS.c("name"), other.c("name")).join(other,
                other.c("fullname").eq(USERS.c("fullname"))).where(other.c("id").ne(USERS.c("id"))),
                "SELECT user_account.name, other.name FROM user_account JOIN user_account AS other"
                        + " ON other.fullname = user_account.fullname WHERE other.id <> user_account.id");
        var busy = select(ADDRESSES.c("user_id"), count().label("n")).groupBy(ADDRESSES.c("user_id")).cte("busy");
        assertCompilesEverywhere(select(USERS.c("name"), busy.c("n")).join(busy, busy.c("user_id").eq(USERS.c("id")))
                .where(busy.c("n").gt(1L)),
                "WITH busy(user_id, n) AS (SELECT address.user_id, count(*) AS n FROM address"
                        + " GROUP BY address.user_id) SELECT user_account.name, busy.n FROM user_account"
                        + " JOIN busy ON busy.user_id = user_account.id WHERE busy.n > ?", 1L);
        var tree = select(USERS.c("id")).where(USERS.c("id").eq(1)).recursiveCte("tree");
        tree = tree.unionAll(select(USERS.c("id")).join(tree, USERS.c("id").eq(tree.c("id").plus(1)))
                .where(USERS.c("id").lt(5)));
        assertCompilesEverywhere(select(tree.c("id")),
                "WITH RECURSIVE tree(id) AS (SELECT user_account.id FROM user_account WHERE user_account.id = ?"
                        + " UNION ALL SELECT user_account.id FROM user_account JOIN tree"
                        + " ON user_account.id = (tree.id + ?) WHERE user_account.id < ?) SELECT tree.id FROM tree",
                1, 1, 5);
    }

    @Test
    void windowFunctionsAndAggregateFilters() {
        var ranked = select(USERS.c("name"), io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window
                .partitionBy(USERS.c("fullname")).orderBy(USERS.c("id").desc())).label("rn"));
        assertCompilesEverywhere(ranked, "SELECT user_account.name, row_number() OVER (PARTITION BY"
                + " user_account.fullname ORDER BY user_account.id DESC) AS rn FROM user_account");
        var running = select(io.retort.sql.Sql.sum(USERS.c("id")).over(io.retort.sql.Window.ordered(
                USERS.c("id").asc()).rowsBetween(null, 0)));
        assertCompilesEverywhere(running, "SELECT sum(user_account.id) OVER (ORDER BY user_account.id ROWS BETWEEN"
                + " UNBOUNDED PRECEDING AND CURRENT ROW) FROM user_account");
        var filtered = select(count().filter(USERS.c("fullname").isNull()).label("nameless")).from(USERS);
        for (String dialect : List.of("postgresql", "sqlite", "h2")) {
            assertCompiles(filtered, dialect, "SELECT count(*) FILTER (WHERE user_account.fullname IS NULL)"
                    + " AS nameless FROM user_account");
        }
        assertCompiles(filtered, "mariadb", "SELECT count(CASE WHEN user_account.fullname IS NULL THEN 1 END)"
                + " AS nameless FROM user_account");
    }

    @Test
    void insertFromSelectAndUpdateFrom() {
        assertCompilesEverywhere(insert(ADDRESSES).fromSelect(List.of("user_id"),
                select(USERS.c("id")).where(USERS.c("id").gt(3))),
                "INSERT INTO address (user_id) SELECT user_account.id FROM user_account WHERE user_account.id > ?", 3);
        assertThatThrownBy(() -> insert(ADDRESSES).fromSelect(List.of("user_id", "email_address"),
                select(USERS.c("id")))).hasMessageContaining("fromSelect names 2 columns of address but the SELECT"
                        + " gives 1");
        var renameFromAddress = update(USERS).values(Map.of("fullname", ADDRESSES.c("email_address")))
                .where(ADDRESSES.c("user_id").eq(USERS.c("id")));
        assertCompiles(renameFromAddress, "postgresql", "UPDATE user_account SET fullname=address.email_address"
                + " FROM address WHERE address.user_id = user_account.id");
        assertCompiles(renameFromAddress, "sqlite", "UPDATE user_account SET fullname=address.email_address"
                + " FROM address WHERE address.user_id = user_account.id");
        assertCompiles(renameFromAddress, "mariadb", "UPDATE user_account, address"
                + " SET user_account.fullname=address.email_address WHERE address.user_id = user_account.id");
        assertThatThrownBy(() -> ExpressionCompiler.compile(Drivers.dialect("h2"), renameFromAddress))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("UPDATE ... FROM (user_account with address) is not supported by h2");
    }

    @Test
    void onlyStatementsWithoutCtesOrDerivedTablesArePlain() {
        var h2 = Drivers.dialect("h2");
        var other = USERS.alias("other");
        assertThat(ExpressionCompiler.compile(h2, select(USERS.c("name")).join(other, other.c("id").eq(USERS.c("id")))
                .where(USERS.c("id").in(select(ADDRESSES.c("user_id")).where(ADDRESSES.c("id").gt(3))))).plain())
                .isTrue();
        var busy = select(ADDRESSES.c("user_id")).where(ADDRESSES.c("id").gt(3)).cte("busy");
        assertThat(ExpressionCompiler.compile(h2, select(USERS.c("name")).where(USERS.c("id")
                .in(select(busy.c("user_id"))))).plain()).as("a CTE in a subquery").isFalse();
        var counts = select(ADDRESSES.c("user_id")).where(ADDRESSES.c("id").gt(3)).subquery("counts");
        assertThat(ExpressionCompiler.compile(h2, select(USERS.c("name")).join(counts,
                counts.c("user_id").eq(USERS.c("id")))).plain()).as("a derived table").isFalse();
        // A derived table whose values come after the join's: the full walk gathers them, in order.
        var joined = select(USERS.c("name")).join(counts, counts.c("user_id").eq(USERS.c("id")))
                .where(USERS.c("id").lt(9));
        assertThat(ExpressionCompiler.collect(h2, joined, ExpressionCompiler.compile(h2, joined)).values())
                .containsExactly(3, 9);
        // A join given twice is rendered once: its values are gathered once.
        var addressed = select(USERS.c("name")).join(ADDRESSES, ADDRESSES.c("user_id").eq(USERS.c("id"))
                .and(ADDRESSES.c("id").gt(5))).explicitFroms().get(0);
        var twice = select(USERS.c("name")).from(addressed, addressed).where(USERS.c("id").lt(9));
        CompiledStatement compiledTwice = ExpressionCompiler.compile(h2, twice);
        assertThat(compiledTwice.plain()).isTrue();
        assertThat(compiledTwice.parameterNames()).hasSize(2);
        assertThat(ExpressionCompiler.collect(h2, twice, compiledTwice).values()).containsExactly(5, 9);
    }

    @Test
    void derivedTablesAndTuples() {
        var counts = select(ADDRESSES.c("user_id"), count().label("n")).groupBy(ADDRESSES.c("user_id"))
                .subquery("counts");
        assertCompilesEverywhere(select(USERS.c("name"), counts.c("n")).join(counts,
                counts.c("user_id").eq(USERS.c("id"))),
                "SELECT user_account.name, counts.n FROM user_account JOIN (SELECT address.user_id, count(*) AS n"
                        + " FROM address GROUP BY address.user_id) AS counts ON counts.user_id = user_account.id");
        var pair = io.retort.sql.Sql.tuple(USERS.c("id"), USERS.c("name"));
        assertCompilesEverywhere(select(USERS.c("id")).where(pair.inValues(List.of(List.of(1, "a"), List.of(2, "b")))),
                "SELECT user_account.id FROM user_account WHERE (user_account.id, user_account.name) IN"
                        + " ((?, ?), (?, ?))", 1, "a", 2, "b");
        assertCompilesEverywhere(select(USERS.c("id")).where(pair.eqValues(1, "a")),
                "SELECT user_account.id FROM user_account WHERE (user_account.id, user_account.name) = (?, ?)",
                1, "a");
    }

    @Test
    void lateralAndAConstructEachDialectRefuses() {
        var latest = select(ADDRESSES.c("email_address")).where(ADDRESSES.c("user_id").eq(USERS.c("id")))
                .orderBy(ADDRESSES.c("id").desc()).limit(1).lateral("latest");
        var withLatest = select(USERS.c("name"), latest.c("email_address")).from(USERS).join(latest,
                io.retort.sql.Sql.alwaysTrue());
        assertCompiles(withLatest, "postgresql", "SELECT user_account.name, latest.email_address FROM user_account"
                + " JOIN LATERAL (SELECT address.email_address FROM address WHERE address.user_id = user_account.id"
                + " ORDER BY address.id DESC LIMIT ?) AS latest ON ? = ?", 1, 1, 1);
        // One construct each database cannot run, refused with a message naming it and the database.
        Map<String, SqlNode> refused = Map.of(
                "sqlite", select(USERS.c("id")).forUpdateNoWait(),
                "h2", update(USERS).values(Map.of("name", "x")).returning(USERS.c("id")),
                "mariadb", withLatest,
                "mysql", insert(USERS).values(Map.of("name", "x")).returning(USERS.c("id")),
                "postgresql", select(USERS.c("name")).groupBy(USERS.c("name")).forUpdate());
        refused.forEach((dialect, statement) -> assertThatThrownBy(
                () -> ExpressionCompiler.compile(Drivers.dialect(dialect), statement)).as(dialect)
                .isInstanceOf(CompileException.class).hasMessageContaining("not supported by " + dialect));
    }

    @Test
    void namedParametersAndSqlFragments() {
        var byId = select(USERS.c("name")).where(USERS.c("id").eq(io.retort.sql.Sql.bindParam("user_id", INTEGER)),
                io.retort.sql.Sql.sqlCondition("length(user_account.name) > :min"));
        assertThat(byId.toString()).isEqualTo("SELECT user_account.name FROM user_account"
                + " WHERE user_account.id = :user_id AND length(user_account.name) > :min");
        assertCompilesEverywhere(select(io.retort.sql.Sql.sqlFragment("1 + 1", INTEGER).label("two")),
                "SELECT 1 + 1 AS two");
    }

    @Test
    void namedFunctions() {
        assertCompilesEverywhere(select(io.retort.sql.Sql.lower(USERS.c("name")), io.retort.sql.Sql.upper(
                USERS.c("fullname"))), "SELECT lower(user_account.name), upper(user_account.fullname) FROM user_account");
        for (String dialect : List.of("postgresql", "h2", "mariadb")) {
            assertCompiles(select(io.retort.sql.Sql.now()), dialect, "SELECT LOCALTIMESTAMP");
        }
        assertCompiles(select(io.retort.sql.Sql.now()), "sqlite", "SELECT datetime('now', 'localtime')");
        assertCompilesEverywhere(select(io.retort.sql.Sql.function("abs", INTEGER, USERS.c("id"))),
                "SELECT abs(user_account.id) FROM user_account");
    }

    @Test
    void remainingOperatorsAndAggregates() {
        var id = USERS.c("id");
        for (String dialect : List.of("sqlite", "h2", "postgresql")) {
            assertCompiles(select(id.minus(1), id.times(2), id.dividedBy(3)).distinct(), dialect,
                    "SELECT DISTINCT (user_account.id - ?), (user_account.id * ?), (user_account.id / ?)"
                            + " FROM user_account", 1, 2, 3);
        }
        // MySQL's / gives a decimal; an integer expression divides with DIV there, as / does elsewhere.
        assertCompiles(select(id.minus(1), id.times(2), id.dividedBy(3)).distinct(), "mariadb",
                "SELECT DISTINCT (user_account.id - ?), (user_account.id * ?), (user_account.id DIV ?)"
                        + " FROM user_account", 1, 2, 3);
        assertCompilesEverywhere(select(io.retort.sql.Sql.avg(id), io.retort.sql.Sql.min(id), io.retort.sql.Sql.max(id))
                .where(USERS.c("name").notLike("x%"), id.notIn(List.of(7))),
                "SELECT avg(user_account.id), min(user_account.id), max(user_account.id) FROM user_account"
                        + " WHERE user_account.name NOT LIKE ? AND user_account.id NOT IN ?", "x%", List.of(7));
        assertCompilesEverywhere(select(io.retort.sql.Sql.coalesce(USERS.c("fullname"),
                io.retort.sql.Sql.literal(string(10), "none"))).where(USERS.c("name").isNotNull()),
                "SELECT coalesce(user_account.fullname, ?) FROM user_account WHERE user_account.name IS NOT NULL",
                "none");
    }
}
