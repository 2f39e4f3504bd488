package io.retort.impl.compiler;

import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.and;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.cast;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.exists;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.lower;
import static io.retort.sql.Sql.max;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.tuple;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every statement and expression prints as its SQL in the default dialect with {@code :name} parameters, as
 * SQLAlchemy's {@code str()} (test_compiler.py StrSQLCompilerTest).
 */
class ToStringTest {
    private static final MetaData METADATA = new MetaData();
    private static final Table MYTABLE = METADATA.table("mytable", column("myid", INTEGER).primaryKey(),
            column("name", string(30)), column("description", string(30)));
    private static final Table MYOTHERTABLE = METADATA.table("myothertable", column("otherid", INTEGER).primaryKey(),
            column("othername", string(30)));

    @Test
    void statementsPrintTheirSql() {
        assertThat(select(MYTABLE.c("myid")).where(MYTABLE.c("name").eq("x")))
                .hasToString("SELECT mytable.myid FROM mytable WHERE mytable.name = :name");
        assertThat(insert(MYTABLE).values(Map.of("myid", 1))).hasToString("INSERT INTO mytable (myid) VALUES (:myid)");
        assertThat(update(MYTABLE).values(Map.of("name", "n")).where(MYTABLE.c("myid").eq(1)))
                .hasToString("UPDATE mytable SET name=:name WHERE mytable.myid = :myid");
        assertThat(delete(MYTABLE).where(MYTABLE.c("myid").eq(1)))
                .hasToString("DELETE FROM mytable WHERE mytable.myid = :myid");
        assertThat(select(MYTABLE.c("myid")).union(select(MYOTHERTABLE.c("otherid"))))
                .hasToString("SELECT mytable.myid FROM mytable UNION SELECT myothertable.otherid FROM myothertable");
    }

    @Test
    void predicatesPrintTheirSql() {
        assertThat(MYTABLE.c("myid").eq(5)).hasToString("mytable.myid = :myid");
        assertThat(MYTABLE.c("myid").gt(MYOTHERTABLE.c("otherid"))).hasToString("mytable.myid > myothertable.otherid");
        assertThat(and(MYTABLE.c("myid").eq(1), MYTABLE.c("name").like("a%")))
                .hasToString("mytable.myid = :myid AND mytable.name LIKE :name");
        assertThat(MYTABLE.c("myid").eq(1).not()).hasToString("NOT (mytable.myid = :myid)");
        assertThat(MYTABLE.c("name").isNull()).hasToString("mytable.name IS NULL");
        assertThat(MYTABLE.c("myid").in(List.of(1, 2))).hasToString("mytable.myid IN :myid");
        assertThat(MYTABLE.c("myid").between(1, 2)).hasToString("mytable.myid BETWEEN :myid AND :myid_1");
        assertThat(MYTABLE.c("myid").in(select(MYOTHERTABLE.c("otherid"))))
                .hasToString("mytable.myid IN (SELECT myothertable.otherid FROM myothertable)");
        assertThat(exists(select(MYOTHERTABLE.c("otherid"))))
                .hasToString("EXISTS (SELECT myothertable.otherid FROM myothertable)");
        assertThat(MYTABLE.c("name").isDistinctFrom("a")).hasToString("mytable.name IS DISTINCT FROM :name");
        assertThat(tuple(MYTABLE.c("myid"), MYTABLE.c("name")).eq(tuple(bindParam("a", INTEGER), bindParam("b",
                string(30))))).hasToString("(mytable.myid, mytable.name) = (:a, :b)");
    }

    @Test
    void expressionsPrintTheirSql() {
        assertThat(MYTABLE.c("myid").plus(MYOTHERTABLE.c("otherid")))
                .hasToString("(mytable.myid + myothertable.otherid)");
        assertThat(count(MYTABLE.c("myid")).label("n")).hasToString("count(mytable.myid)"); // AS only in a columns clause
        assertThat(lower(MYTABLE.c("name"))).hasToString("lower(mytable.name)");
        assertThat(cast(MYTABLE.c("myid"), string(10))).hasToString("CAST(mytable.myid AS VARCHAR(10))");
        assertThat(MYTABLE.c("myid").desc()).hasToString("mytable.myid DESC");
        assertThat(select(max(MYTABLE.c("myid"))).scalarSubquery()).hasToString("(SELECT max(mytable.myid) FROM mytable)");
        assertThat(count().over(Window.partitionBy(MYTABLE.c("name")))).hasToString("count(*) OVER (PARTITION BY mytable.name)");
        assertThat(MYTABLE.alias("t").c("myid")).hasToString("t.myid");
        assertThat(MYTABLE.alias("t")).hasToString("mytable AS t");
        assertThat(MYTABLE.c("myid")).hasToString("mytable.myid");
    }
}
