package io.retort.impl.compiler;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidArgumentException;
import io.retort.impl.dialect.Dialect;
import io.retort.impl.dialect.MySqlDialect;
import io.retort.impl.dialect.PostgresqlDialect;
import io.retort.impl.dialect.SqliteDialect;
import io.retort.sql.TextClause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** text(): :name parameters become ? placeholders, and nothing else does. */
class TextCompilerTest {

    private static void assertCompiles(Dialect dialect, String text, String sql, String... names) {
        CompiledStatement compiled = new TextCompiler(dialect).compile(text(text));
        assertThat(compiled.sql()).isEqualTo(sql);
        assertThat(compiled.parameterNames()).containsExactly(names);
    }

    private static void assertCompiles(String text, String sql, String... names) {
        assertCompiles(new SqliteDialect(), text, sql, names);
    }

    @Test
    void namedParametersInOrder() {
        assertCompiles("INSERT INTO some_table (x, y) VALUES (:x, :y)", "INSERT INTO some_table (x, y) VALUES (?, ?)",
                "x", "y");
        assertCompiles("SELECT :user_id2, :_x FROM t", "SELECT ?, ? FROM t", "user_id2", "_x");
        assertCompiles("SELECT * FROM t WHERE a = :a OR b = :a", "SELECT * FROM t WHERE a = ? OR b = ?", "a", "a");
        assertCompiles(":first", "?", "first");
    }

    @Test
    void escapedColonIsLiteral() {
        assertCompiles("SELECT * FROM t WHERE x \\:= 1 AND y = :y", "SELECT * FROM t WHERE x := 1 AND y = ?", "y");
        assertCompiles("SELECT '10\\:30'", "SELECT '10:30'");
    }

    @Test
    void postgresqlCastsAreNotParameters() {
        Dialect pg = new PostgresqlDialect();
        assertCompiles(pg, "SELECT :id::text", "SELECT ?::text", "id");
        assertCompiles(pg, "SELECT x::int FROM t", "SELECT x::int FROM t");
        assertCompiles(pg, "SELECT CAST(:a AS int)::bigint", "SELECT CAST(? AS int)::bigint", "a");
    }

    @Test
    void colonsAfterWordCharactersAreNotParameters() {
        assertCompiles("SELECT 12:30, a:b", "SELECT 12:30, a:b");
        assertCompiles("SELECT arr[1:2] FROM t", "SELECT arr[1:2] FROM t");
    }

    @Test
    void quotedTextAndCommentsAreLeftAlone() {
        assertCompiles("SELECT '10:30', ':notparam', 'it''s :x' FROM t WHERE a = :a",
                "SELECT '10:30', ':notparam', 'it''s :x' FROM t WHERE a = ?", "a");
        assertCompiles("SELECT \"col:x\" FROM t", "SELECT \"col:x\" FROM t");
        assertCompiles("SELECT 1 -- comment :x\n, :y", "SELECT 1 -- comment :x\n, ?", "y");
        assertCompiles("SELECT /* :x */ :y", "SELECT /* :x */ ?", "y");
        assertCompiles("SELECT `weird:name` FROM t", "SELECT `weird:name` FROM t");
    }

    @Test
    void dollarQuotesOnPostgresql() {
        Dialect pg = new PostgresqlDialect();
        assertCompiles(pg, "SELECT $$ :x $$, :y", "SELECT $$ :x $$, ?", "y");
        assertCompiles(pg, "SELECT $tag$ :x $tag$, :y", "SELECT $tag$ :x $tag$, ?", "y");
        assertCompiles(pg, "SELECT $1, :y", "SELECT $1, ?", "y");
    }

    @Test
    void backslashEscapesInMySqlStrings() {
        assertCompiles(new MySqlDialect("mariadb"), "SELECT 'it\\'s :x', :y", "SELECT 'it\\'s :x', ?", "y");
    }

    @Test
    void missingParameterNamesItAndTheStatement() {
        CompiledStatement compiled = new TextCompiler(new SqliteDialect()).compile(text("SELECT :x, :y"));
        assertThatThrownBy(() -> compiled.values(Map.of("x", 1), Map.of(), 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("A value is required for bind parameter 'y'")
                .hasMessageContaining("SELECT :x, :y").hasMessageContaining("Map.of(\"y\", value)");
    }

    @Test
    void boundDefaultsAreOverriddenByExecutionValues() {
        TextClause clause = text("SELECT :x, :y").bindParams(Map.of("x", 1, "y", 2));
        CompiledStatement compiled = new TextCompiler(new SqliteDialect()).compile(clause);
        assertThat(compiled.values(Map.of("y", 20), clause.boundValues(), 0)).isEqualTo(List.of(1, 20));
        assertThat(clause).isEqualTo(text("SELECT :x, :y")); // bound values are not part of the cache key
    }
}
