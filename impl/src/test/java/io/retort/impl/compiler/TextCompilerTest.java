package io.retort.impl.compiler;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidArgumentException;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.H2Dialect;
import io.retort.impl.dialect.MariaDbDialect;
import io.retort.impl.dialect.MySqlDialect;
import io.retort.impl.dialect.PostgresqlDialect;
import io.retort.impl.dialect.SqliteDialect;
import io.retort.sql.TextClause;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** text(): :name parameters become ? placeholders, and nothing else does. */
class TextCompilerTest {

    private static final Dialect PG = new PostgresqlDialect();
    private static final Dialect MYSQL = new MySqlDialect("mariadb");
    private static final Dialect SQLITE = new SqliteDialect();

    private static CompiledStatement compile(Dialect dialect, String text) {
        return new TextCompiler(dialect).compile(text(text));
    }

    private static void assertCompiles(Dialect dialect, String text, String sql, String... names) {
        CompiledStatement compiled = compile(dialect, text);
        assertThat(compiled.sql()).as("sql of %s", text).isEqualTo(sql);
        assertThat(compiled.parameterNames()).as("names of %s", text).containsExactly(names);
        assertThat(compiled.source()).isEqualTo(text);
    }

    /** Rules that hold for every dialect are checked on all of them. */
    private static void assertCompilesEverywhere(String text, String sql, String... names) {
        for (Dialect dialect : List.of(PG, MYSQL, SQLITE, new H2Dialect(), new MariaDbDialect("mariadb"))) {
            assertCompiles(dialect, text, sql, names);
        }
    }

    @Test
    void simpleParametersInOrder() {
        assertCompilesEverywhere("SELECT :x, :y", "SELECT ?, ?", "x", "y");
        assertCompilesEverywhere("INSERT INTO some_table (x, y) VALUES (:x, :y)",
                "INSERT INTO some_table (x, y) VALUES (?, ?)", "x", "y");
        assertCompilesEverywhere(":first", "?", "first");
        assertCompilesEverywhere("SELECT 1", "SELECT 1");
        assertCompilesEverywhere("WHERE a=:a AND b IN (:b,:c)", "WHERE a=? AND b IN (?,?)", "a", "b", "c");
        assertCompilesEverywhere("SELECT :x", "SELECT ?", "x");
    }

    @Test
    void namesWithUnderscoresAndDigits() {
        assertCompilesEverywhere("SELECT :user_id2, :_x, :a1_b2 FROM t", "SELECT ?, ?, ? FROM t", "user_id2", "_x",
                "a1_b2");
        // A name cannot start with a digit, and ends at the first character that is not a letter, digit or '_'.
        assertCompilesEverywhere("SELECT :1, :2x", "SELECT :1, :2x");
        assertCompilesEverywhere("SELECT :a-:b, :c.d", "SELECT ?-?, ?.d", "a", "b", "c");
        assertCompilesEverywhere("SELECT : x, :", "SELECT : x, :");
    }

    @Test
    void repeatedNamesBindTwice() {
        assertCompilesEverywhere("SELECT :a + :a", "SELECT ? + ?", "a", "a");
        assertCompilesEverywhere("SELECT * FROM t WHERE a = :a OR b = :b OR c = :a",
                "SELECT * FROM t WHERE a = ? OR b = ? OR c = ?", "a", "b", "a");
    }

    @Test
    void escapedColonIsLiteral() {
        assertCompilesEverywhere("SELECT * FROM t WHERE x \\:= 1 AND y = :y",
                "SELECT * FROM t WHERE x := 1 AND y = ?", "y");
        assertCompilesEverywhere("SELECT \\:x", "SELECT :x");
        assertCompilesEverywhere("SELECT '10\\:30'", "SELECT '10:30'");
    }

    @Test
    void postgresqlCastsAreNotParameters() {
        assertCompiles(PG, "SELECT :id::text", "SELECT ?::text", "id");
        assertCompiles(PG, "SELECT x::int FROM t", "SELECT x::int FROM t");
        assertCompiles(PG, "SELECT CAST(:a AS int)::bigint", "SELECT CAST(? AS int)::bigint", "a");
        assertCompiles(PG, "SELECT :a::int + :b::numeric(10,2)", "SELECT ?::int + ?::numeric(10,2)", "a", "b");
        assertCompiles(PG, "SELECT '1'::text, :x", "SELECT '1'::text, ?", "x");
    }

    @Test
    void colonAfterADigitOrLetterIsNotAParameter() {
        assertCompilesEverywhere("SELECT 12:30", "SELECT 12:30");
        assertCompilesEverywhere("SELECT 12:30, a:b, _:c", "SELECT 12:30, a:b, _:c");
        assertCompilesEverywhere("SELECT arr[1:2] FROM t", "SELECT arr[1:2] FROM t");
        assertCompilesEverywhere("SELECT arr[:lo] FROM t", "SELECT arr[?] FROM t", "lo");
    }

    @Test
    void stringLiteralsAreLeftAlone() {
        assertCompilesEverywhere("SELECT '10:30'", "SELECT '10:30'");
        assertCompilesEverywhere("SELECT ':notparam', :x", "SELECT ':notparam', ?", "x");
        assertCompilesEverywhere("SELECT 'it''s :x' FROM t WHERE a = :a", "SELECT 'it''s :x' FROM t WHERE a = ?",
                "a");
        assertCompilesEverywhere("SELECT '', :x, ''''", "SELECT '', ?, ''''", "x");
        // An unterminated literal runs to the end.
        assertCompilesEverywhere("SELECT :x, ':y", "SELECT ?, ':y", "x");
    }

    @Test
    void quotedIdentifiersAreLeftAlone() {
        assertCompilesEverywhere("SELECT \"col:x\" FROM t", "SELECT \"col:x\" FROM t");
        assertCompilesEverywhere("SELECT \"a\"\":b\", :c", "SELECT \"a\"\":b\", ?", "c");
        assertCompilesEverywhere("SELECT `weird:name` FROM t WHERE x = :x", "SELECT `weird:name` FROM t WHERE x = ?",
                "x");
    }

    @Test
    void commentsAreLeftAlone() {
        assertCompilesEverywhere("SELECT 1 -- comment :x\n, :y", "SELECT 1 -- comment :x\n, ?", "y");
        assertCompilesEverywhere("SELECT 1 -- comment :x", "SELECT 1 -- comment :x");
        assertCompilesEverywhere("SELECT /* :x */ :y", "SELECT /* :x */ ?", "y");
        assertCompilesEverywhere("SELECT /* :x\n:z */ :y /* :w", "SELECT /* :x\n:z */ ? /* :w", "y");
        assertCompilesEverywhere("SELECT 5-:x, 5/:y", "SELECT 5-?, 5/?", "x", "y");
    }

    @Test
    void dollarQuotesAreLeftAloneOnPostgresql() {
        assertCompiles(PG, "SELECT $$ :x $$", "SELECT $$ :x $$");
        assertCompiles(PG, "SELECT $$ :x $$, :y", "SELECT $$ :x $$, ?", "y");
        assertCompiles(PG, "SELECT $tag$ :x $$ :z $tag$, :y", "SELECT $tag$ :x $$ :z $tag$, ?", "y");
        assertCompiles(PG, "SELECT $1, :y", "SELECT $1, ?", "y");
        assertCompiles(PG, "SELECT a$b, :y FROM t", "SELECT a$b, ? FROM t", "y");
        // Elsewhere '$' is an ordinary character, so the colon inside is a parameter.
        assertCompiles(SQLITE, "SELECT $$ :x $$", "SELECT $$ ? $$", "x");
        assertCompiles(MYSQL, "SELECT $$ :x $$", "SELECT $$ ? $$", "x");
    }

    @Test
    void backslashEscapesInMySqlStrings() {
        assertCompiles(MYSQL, "SELECT 'it\\'s :x'", "SELECT 'it\\'s :x'");
        assertCompiles(MYSQL, "SELECT 'it\\'s :x', :y", "SELECT 'it\\'s :x', ?", "y");
        assertCompiles(MYSQL, "SELECT 'a\\\\', :y", "SELECT 'a\\\\', ?", "y");
        assertCompiles(new MariaDbDialect("mariadb"), "SELECT 'it\\'s :x', :y", "SELECT 'it\\'s :x', ?", "y");
        // MySQL's double-quoted strings take backslash escapes as well (unless ANSI_QUOTES is set).
        assertCompiles(MYSQL, "SELECT \"it\\\"s :x\", :y", "SELECT \"it\\\"s :x\", ?", "y");
    }

    @Test
    void backslashIsAnOrdinaryCharacterInStandardStrings() {
        // PostgreSQL (standard_conforming_strings) and SQLite: 'it\' is a whole literal, so :x is outside quotes.
        assertCompiles(PG, "SELECT 'it\\' || :x", "SELECT 'it\\' || ?", "x");
        assertCompiles(SQLITE, "SELECT 'it\\' || :x", "SELECT 'it\\' || ?", "x");
        assertCompiles(PG, "SELECT 'it\\'s :x'", "SELECT 'it\\'s ?'", "x");
    }

    @Test
    void postgresqlEscapeStringsTakeBackslashEscapes() {
        assertCompiles(PG, "SELECT E'it\\'s :x', :y", "SELECT E'it\\'s :x', ?", "y");
        assertCompiles(PG, "SELECT e'a\\\\', :y", "SELECT e'a\\\\', ?", "y");
        assertCompiles(PG, "SELECT E'a''b :x', :y", "SELECT E'a''b :x', ?", "y");
        // Only a standalone E: a name ending in e followed by a quote is not an escape string prefix.
        assertCompiles(PG, "SELECT name'\\' || :x", "SELECT name'\\' || ?", "x");
        // Other dialects know no E'' strings.
        assertCompiles(SQLITE, "SELECT E'it\\' || :x", "SELECT E'it\\' || ?", "x");
    }

    @Test
    void parameterNamesAreImmutable() {
        CompiledStatement compiled = compile(PG, "SELECT :x");
        assertThatThrownBy(() -> compiled.parameterNames().add("y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingParameterNamesItAndTheStatement() {
        CompiledStatement compiled = compile(PG, "SELECT :x, :y");
        assertThatThrownBy(() -> compiled.values(Map.of("x", 1), Map.of(), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("A value is required for bind parameter 'y' of the statement: SELECT :x, :y\n"
                        + "Pass it in the parameters, e.g. Map.of(\"y\", value); the parameters given were [x]");
        assertThatThrownBy(() -> compiled.values(Map.of(), Map.of(), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("A value is required for bind parameter 'x' of the statement: SELECT :x, :y\n"
                        + "Pass it in the parameters, e.g. Map.of(\"x\", value)");
        assertThatThrownBy(() -> compiled.values(Map.of("x", 1), Map.of(), 3))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("A value is required for bind parameter 'y' in parameter set 3 of the statement:"
                        + " SELECT :x, :y");
    }

    @Test
    void valuesFollowThePlaceholders() {
        CompiledStatement compiled = compile(PG, "SELECT :a, :b, :a");
        assertThat(compiled.values(Map.of("a", 1, "b", "two"), Map.of(), 0)).containsExactly(1, "two", 1);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        withNull.put("b", 2);
        assertThat(compiled.values(withNull, Map.of("a", 9), 0)).isEqualTo(Arrays.asList(null, 2, null));
        assertThat(compiled.namedValues(Arrays.asList(1, 2, 1))).containsExactly(Map.entry("a", 1),
                Map.entry("b", 2));
        assertThat(compile(PG, "SELECT 1").values(Map.of("unused", 1), Map.of(), 0)).isEmpty();
    }

    @Test
    void boundDefaultsAreUsedAndOverriddenByExecutionValues() {
        TextClause clause = text("SELECT :x, :y").bindParams(Map.of("x", 1, "y", 2));
        CompiledStatement compiled = new TextCompiler(PG).compile(clause);
        assertThat(compiled.values(Map.of(), clause.boundValues(), 0)).isEqualTo(List.of(1, 2));
        assertThat(compiled.values(Map.of("y", 20), clause.boundValues(), 0)).isEqualTo(List.of(1, 20));
        assertThat(compiled.values(Map.of("x", 10, "y", 20), clause.boundValues(), 0)).isEqualTo(List.of(10, 20));

        Map<String, Object> nullDefault = new HashMap<>();
        nullDefault.put("y", null);
        TextClause partly = text("SELECT :x, :y").bindParams(nullDefault);
        assertThat(compiled.values(Map.of("x", 1), partly.boundValues(), 0)).isEqualTo(Arrays.asList(1, null));
        assertThatThrownBy(() -> compiled.values(Map.of("y", 1), partly.boundValues(), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("A value is required for bind parameter 'x'");

        // Later bindParams calls add to and override earlier ones, and leave the original unchanged.
        TextClause twice = clause.bindParams(Map.of("y", 3));
        assertThat(twice.boundValues()).containsOnly(Map.entry("x", 1), Map.entry("y", 3));
        assertThat(clause.boundValues()).containsEntry("y", 2);
        // Bound values are not part of the cache key.
        assertThat(clause).isEqualTo(text("SELECT :x, :y")).hasSameHashCodeAs(text("SELECT :x, :y"));
    }

    @org.junit.jupiter.api.Test
    void expandingParametersBecomeAListOfPlaceholdersAtExecution() {
        CompiledStatement compiled = new TextCompiler(new PostgresqlDialect()).compile(
                io.retort.sql.Sql.text("SELECT * FROM t WHERE id IN :ids AND x = :x").expanding("ids"));
        CompiledStatement.Expanded three = compiled.expand(java.util.Arrays.asList(java.util.List.of(1, 2, 3), "a"),
                slot -> "SELECT NULL WHERE 1 = 0");
        org.assertj.core.api.Assertions.assertThat(three.sql())
                .isEqualTo("SELECT * FROM t WHERE id IN (?, ?, ?) AND x = ?");
        org.assertj.core.api.Assertions.assertThat(three.values()).containsExactly(1, 2, 3, "a");
        org.assertj.core.api.Assertions.assertThat(three.slots()).containsExactly(0, 0, 0, 1);
        CompiledStatement.Expanded none = compiled.expand(java.util.Arrays.asList(java.util.List.of(), "a"),
                slot -> "SELECT NULL WHERE 1 = 0");
        org.assertj.core.api.Assertions.assertThat(none.sql())
                .isEqualTo("SELECT * FROM t WHERE id IN (SELECT NULL WHERE 1 = 0) AND x = ?");
        org.assertj.core.api.Assertions.assertThat(none.values()).containsExactly("a");
        // 10,000 different lengths, one compiled statement.
        for (int length = 0; length < 10_000; length++) {
            java.util.List<Integer> ids = java.util.Collections.nCopies(length, 7);
            org.assertj.core.api.Assertions.assertThat(compiled.expand(java.util.Arrays.asList(ids, "a"),
                    slot -> "SELECT NULL WHERE 1 = 0").values()).hasSize(length + 1);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compiled.expand(java.util.Arrays.asList(5, "a"),
                slot -> "x")).isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                .hasMessageContaining("Parameter 'ids' expands into a list and needs a collection or an array");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TextCompiler(new PostgresqlDialect()).compile(
                io.retort.sql.Sql.text("SELECT :a").expanding("b")))
                .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                .hasMessageContaining("expanding(\"b\") names no parameter");
    }
}
