package io.retort.impl.engine;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Select;
import io.retort.types.Types;
import java.lang.ref.WeakReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiled-statement cache's eviction order and what it keeps alive (SQLite in memory). */
class StatementCacheTest {

    @Test
    void theLeastRecentlyUsedEntryIsEvictedNotTheOldest() {
        try (Engine created = Engine.create("sqlite://", EngineOptions.builder().compiledCacheSize(2).build())) {
            DefaultEngine engine = (DefaultEngine) created;
            engine.compile(text("SELECT 1"));
            engine.compile(text("SELECT 2"));
            engine.compile(text("SELECT 1")); // the oldest entry is now the most recently used
            engine.compile(text("SELECT 3")); // full: evicts SELECT 2 (first-in-first-out would evict SELECT 1)
            long[] before = engine.cacheHitsAndMisses();
            assertThat(engine.compile(text("SELECT 1")).cached()).isTrue();
            assertThat(engine.compile(text("SELECT 3")).cached()).isTrue();
            assertThat(engine.compile(text("SELECT 2")).cached()).isFalse();
            long[] after = engine.cacheHitsAndMisses();
            assertThat(after[0] - before[0]).isEqualTo(2);
            assertThat(after[1] - before[1]).isEqualTo(1);
            assertThat(engine.cacheSize()).isEqualTo(2);
        }
    }

    @Test
    void aCachedStatementDoesNotKeepTheValuesItWasFirstExecutedWithAlive() throws InterruptedException {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData metadata = new MetaData();
            Table documents = metadata.table("document", column("id", Types.INTEGER).primaryKey(),
                    column("body", Types.TEXT));
            metadata.createAll(engine);
            WeakReference<String> body = executeWithAValueNoOneKeeps(engine, documents);
            assertThat(((DefaultEngine) engine).cacheSize()).isPositive();
            for (int i = 0; i < 100 && body.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertThat(body.get()).as("the value bound by the first execution of a cached statement").isNull();
            // A statement equal to the collected one compiles anew and works.
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(select(documents.c("id")).where(documents.c("body", String.class)
                        .eq("another"))).all()).isEmpty();
            }
        }
    }

    private static WeakReference<String> executeWithAValueNoOneKeeps(Engine engine, Table documents) {
        String value = new String(new char[10_000]).replace('\0', 'x');
        try (Connection conn = engine.connect()) {
            conn.execute(insert(documents).values(Map.of("id", 1, "body", value)));
            Select same = select(documents.c("id")).where(documents.c("body", String.class).eq(value));
            // Twice with the same object: the path that remembers a statement's values.
            assertThat(conn.execute(same).scalars(Integer.class).all()).containsExactly(1);
            assertThat(conn.execute(same).scalars(Integer.class).all()).containsExactly(1);
            conn.commit();
        }
        return new WeakReference<>(value);
    }

    @Test
    void aStatementWhoseValuesAreGivenAtExecutionStaysCachedAfterItIsDropped() throws InterruptedException {
        try (Engine created = Engine.create("sqlite://")) {
            DefaultEngine engine = (DefaultEngine) created;
            MetaData metadata = new MetaData();
            Table documents = metadata.table("document", column("id", Types.INTEGER).primaryKey(),
                    column("body", Types.TEXT));
            metadata.createAll(engine);
            WeakReference<Select> first = executeByBindParam(engine, documents);
            for (int i = 0; i < 100 && first.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            // Its key holds no value and no statement: an equal statement built after the first was dropped finds it.
            long[] before = engine.cacheHitsAndMisses();
            executeByBindParam(engine, documents);
            assertThat(engine.cacheHitsAndMisses()[0] - before[0]).isEqualTo(1);
        }
    }

    /**
     * Statement objects whose values are all given at execution are remembered by identity, several of them, so that
     * alternating between a few (a lookup and an insert, or the ORM's statements of several classes) walks none of them
     * again: each later execution gets the values its first one worked out, the same object.
     */
    @Test
    void statementsExecutedInTurnAreEachRememberedWithoutAnotherWalk() {
        try (Engine created = Engine.create("sqlite://")) {
            DefaultEngine engine = (DefaultEngine) created;
            MetaData metadata = new MetaData();
            Table documents = metadata.table("document", column("id", Types.INTEGER).primaryKey(),
                    column("body", Types.TEXT));
            java.util.List<Select> statements = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statements.add(select(documents.c("body")).where(documents.c("id", Integer.class)
                        .eq(bindParam("id" + i, Types.INTEGER))));
            }
            java.util.List<Object> firstValues = new java.util.ArrayList<>();
            for (Select statement : statements) {
                firstValues.add(engine.compile(statement).values());
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < statements.size(); i++) {
                    DefaultEngine.Compiled again = engine.compile(statements.get(i));
                    assertThat(again.cached()).isTrue();
                    assertThat(again.values()).as("statement %s, round %s", i, round).isSameAs(firstValues.get(i));
                }
            }
        }
    }

    private static WeakReference<Select> executeByBindParam(Engine engine, Table documents) {
        Select byId = select(documents.c("body")).where(documents.c("id", Integer.class)
                .eq(bindParam("id", Types.INTEGER)));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(byId, Map.of("id", 1)).all()).isEmpty();
        }
        return new WeakReference<>(byId);
    }
}
