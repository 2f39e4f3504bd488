package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.THIRDTABLE;
import static io.retort.sql.Sql.and;
import static io.retort.sql.Sql.count;
import static io.retort.sql.Sql.exists;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.or;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sqlCondition;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import io.retort.sql.TableAlias;
import java.util.List;

/** Cases of test/sql/test_compiler.py, compiled for the default dialect (PostgreSQL's here). */
final class CompilerCases {
    private static final String F = "test/sql/test_compiler.py::SelectTest::";
    private static final String D = "postgresql";
    private static final String ALL1 = "SELECT mytable.myid, mytable.name, mytable.description FROM mytable";

    private CompilerCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(F + "test_table_select", D, () -> select(MYTABLE), ALL1),
                sql(F + "test_table_select", D, () -> select(MYTABLE).addColumns(MYOTHERTABLE.c("otherid"),
                        MYOTHERTABLE.c("othername")), "SELECT mytable.myid, mytable.name, mytable.description,"
                        + " myothertable.otherid, myothertable.othername FROM mytable, myothertable"),
                sql(F + "test_exists", D, () -> exists(select(MYTABLE.c("myid")).where(MYTABLE.c("myid").eq(5))),
                        "EXISTS (SELECT mytable.myid FROM mytable WHERE mytable.myid = ?)"),
                sql(F + "test_exists", D, () -> select(MYTABLE).where(exists(select(MYOTHERTABLE.c("otherid"))
                        .where(MYOTHERTABLE.c("otherid").eq(MYTABLE.c("myid"))).correlate(MYTABLE))),
                        ALL1 + " WHERE EXISTS (SELECT myothertable.otherid FROM myothertable"
                                + " WHERE myothertable.otherid = mytable.myid)"),
                sql(F + "test_where_subquery", D, () -> select(MYTABLE).where(MYTABLE.c("myid").eq(
                        select(MYTABLE.c("myid")).where(MYTABLE.c("name").eq("jack")).scalarSubquery())),
                        ALL1 + " WHERE mytable.myid = (SELECT mytable.myid FROM mytable WHERE mytable.name = ?)"),
                sql(F + "test_where_subquery", D, () -> select(MYTABLE).where(MYTABLE.c("myid").eq(
                        select(MYOTHERTABLE.c("otherid")).where(MYTABLE.c("name").eq(MYOTHERTABLE.c("othername")))
                                .scalarSubquery())),
                        ALL1 + " WHERE mytable.myid = (SELECT myothertable.otherid FROM myothertable"
                                + " WHERE mytable.name = myothertable.othername)"),
                sql(F + "test_where_subquery", D, () -> {
                    TableAlias ta = MYTABLE.alias("ta");
                    return select(ta.c("myid"), ta.c("name"), ta.c("description")).where(exists(
                            select(MYOTHERTABLE.c("otherid")).where(MYOTHERTABLE.c("otherid").eq(ta.c("myid")))));
                }, "SELECT ta.myid, ta.name, ta.description FROM mytable AS ta WHERE EXISTS (SELECT"
                        + " myothertable.otherid FROM myothertable WHERE myothertable.otherid = ta.myid)"),
                sql(F + "test_scalar_select", D, () -> select(MYTABLE).addColumns(select(MYTABLE.c("myid"))
                        .correlate().scalarSubquery()), "SELECT mytable.myid, mytable.name, mytable.description,"
                        + " (SELECT mytable.myid FROM mytable) FROM mytable"),
                sql(F + "test_scalar_select", D, () -> select(MYOTHERTABLE.c("otherid"), MYOTHERTABLE.c("othername"),
                        select(MYTABLE.c("myid")).scalarSubquery()), "SELECT myothertable.otherid,"
                        + " myothertable.othername, (SELECT mytable.myid FROM mytable) FROM myothertable"),
                sql(F + "test_scalar_select", D, () -> select(MYTABLE.c("myid")).where(MYTABLE.c("myid").eq(5))
                        .scalarSubquery(), "(SELECT mytable.myid FROM mytable WHERE mytable.myid = ?)"),
                sql(F + "test_scalar_select", D, () -> select(MYTABLE.c("myid")).scalarSubquery(),
                        "(SELECT mytable.myid FROM mytable)"),
                sql(F + "test_scalar_select", D, () -> select(MYTABLE.c("myid")).where(MYTABLE.c("myid").eq(
                        select(MYTABLE.c("myid")).scalarSubquery())), "SELECT mytable.myid FROM mytable WHERE"
                        + " mytable.myid = (SELECT mytable.myid FROM mytable)"),
                sql(F + "test_scalar_select", D, () -> select(MYTABLE.c("myid")).where(MYTABLE.c("myid").lt(
                        select(MYTABLE.c("myid")).scalarSubquery())), "SELECT mytable.myid FROM mytable WHERE"
                        + " mytable.myid < (SELECT mytable.myid FROM mytable)"),
                sql(F + "test_label_comparison_one", D, () -> {
                    var x = function("lala", INTEGER, MYTABLE.c("myid")).label("foo");
                    return select(x).where(x.eq(5));
                }, "SELECT lala(mytable.myid) AS foo FROM mytable WHERE lala(mytable.myid) = ?"),
                sql(F + "test_order_by_labels_enabled", D, () -> {
                    var lab = MYTABLE.c("myid").label("foo");
                    return select(lab).orderBy(lab);
                }, "SELECT mytable.myid AS foo FROM mytable ORDER BY foo"),
                sql(F + "test_order_by_labels_enabled", D, () -> {
                    var lab = MYTABLE.c("myid").label("foo");
                    return select(lab).orderBy(lab.desc());
                }, "SELECT mytable.myid AS foo FROM mytable ORDER BY foo DESC"),
                sql(F + "test_order_by_labels_enabled", D, () -> select(MYTABLE.c("myid").label("foo"))
                        .orderBy("foo"), "SELECT mytable.myid AS foo FROM mytable ORDER BY foo"),
                sql(F + "test_no_group_by_labels", D, () -> {
                    var lab1 = MYTABLE.c("myid").plus(12).label("foo");
                    var lab2 = function("somefunc", STRING, MYTABLE.c("name")).label("bar");
                    return select(lab1, lab2).groupBy(lab1, lab2);
                }, "SELECT (mytable.myid + ?) AS foo, somefunc(mytable.name) AS bar FROM mytable"
                        + " GROUP BY (mytable.myid + ?), somefunc(mytable.name)"),
                sql(F + "test_conjunctions", D, () -> and(MYTABLE.c("myid").eq(12), MYTABLE.c("name").eq("asdf"),
                        MYOTHERTABLE.c("othername").eq("foo"), sqlCondition("sysdate() = today()")),
                        "mytable.myid = ? AND mytable.name = ? AND myothertable.othername = ?"
                                + " AND sysdate() = today()"),
                sql(F + "test_conjunctions", D, () -> and(MYTABLE.c("myid").eq(12), or(
                        MYOTHERTABLE.c("othername").eq("asdf"), MYOTHERTABLE.c("othername").eq("foo"),
                        MYOTHERTABLE.c("otherid").eq(9)), sqlCondition("sysdate() = today()")),
                        "mytable.myid = ? AND (myothertable.othername = ? OR myothertable.othername = ? OR"
                                + " myothertable.otherid = ?) AND sysdate() = today()"),
                sql(F + "test_conjunctions", D, () -> and(MYTABLE.c("myid").eq(12), MYTABLE.c("name").eq("asdf")),
                        "mytable.myid = ? AND mytable.name = ?"),
                sql(F + "test_distinct_select_modifier", D, () -> select(MYTABLE.c("myid")).distinct(),
                        "SELECT DISTINCT mytable.myid FROM mytable"),
                sql(F + "test_distinct_function", D, () -> select(count(MYTABLE.c("myid").distinct())),
                        "SELECT count(DISTINCT mytable.myid) FROM mytable"),
                sql(F + "test_distinct_function", D, () -> select(io.retort.sql.Sql.sum(MYTABLE.c("myid").distinct())),
                        "SELECT sum(DISTINCT mytable.myid) FROM mytable"),
                sql(F + "test_where_multiple", D, () -> select(MYTABLE.c("myid")).where(MYTABLE.c("myid").eq(12),
                        MYTABLE.c("name").eq("foobar")),
                        "SELECT mytable.myid FROM mytable WHERE mytable.myid = ? AND mytable.name = ?"),
                sql(F + "test_order_by_nulls", D, () -> select(MYOTHERTABLE).orderBy(MYOTHERTABLE.c("otherid").asc(),
                        MYOTHERTABLE.c("othername").desc().nullsFirst()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY myothertable.otherid, myothertable.othername DESC NULLS FIRST"),
                sql(F + "test_order_by_nulls", D, () -> select(MYOTHERTABLE).orderBy(MYOTHERTABLE.c("otherid").asc(),
                        MYOTHERTABLE.c("othername").desc().nullsLast()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY myothertable.otherid, myothertable.othername DESC NULLS LAST"),
                sql(F + "test_order_by_nulls", D, () -> select(MYOTHERTABLE).orderBy(MYOTHERTABLE.c("otherid").asc().nullsLast(),
                        MYOTHERTABLE.c("othername").desc().nullsFirst()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY myothertable.otherid NULLS LAST, myothertable.othername DESC NULLS FIRST"),
                sql(F + "test_order_by_nulls", D, () -> select(MYOTHERTABLE).orderBy(MYOTHERTABLE.c("otherid").asc().nullsFirst(),
                        MYOTHERTABLE.c("othername").desc()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY myothertable.otherid NULLS FIRST, myothertable.othername DESC"),
                sql(F + "test_order_by_nulls", D, () -> select(MYOTHERTABLE).orderBy(MYOTHERTABLE.c("otherid").asc().nullsFirst(),
                        MYOTHERTABLE.c("othername").desc().nullsLast()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY myothertable.otherid NULLS FIRST, myothertable.othername DESC NULLS LAST"),
                sql(F + "test_orderby_groupby", D, () -> select(MYOTHERTABLE.c("otherid"), MYOTHERTABLE.c("othername"))
                        .orderBy(MYOTHERTABLE.c("otherid").asc(), MYOTHERTABLE.c("othername").asc()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY"
                                + " myothertable.otherid, myothertable.othername"),
                sql(F + "test_orderby_groupby", D, () -> select(MYOTHERTABLE.c("otherid"), MYOTHERTABLE.c("othername"))
                        .orderBy(MYOTHERTABLE.c("otherid")).orderBy(MYOTHERTABLE.c("othername").desc()),
                        "SELECT myothertable.otherid, myothertable.othername FROM myothertable ORDER BY"
                                + " myothertable.otherid, myothertable.othername DESC"),
                sql(F + "test_orderby_groupby", D, () -> select(MYOTHERTABLE.c("othername"),
                        count(MYOTHERTABLE.c("otherid"))).groupBy(MYOTHERTABLE.c("othername")),
                        "SELECT myothertable.othername, count(myothertable.otherid) FROM myothertable"
                                + " GROUP BY myothertable.othername"),
                sql(F + "test_orderby_groupby", D, () -> select(MYOTHERTABLE.c("othername"),
                        count(MYOTHERTABLE.c("otherid"))).groupBy(MYOTHERTABLE.c("othername"))
                        .orderBy(MYOTHERTABLE.c("othername")),
                        "SELECT myothertable.othername, count(myothertable.otherid) FROM myothertable"
                                + " GROUP BY myothertable.othername ORDER BY myothertable.othername"),
                sql(F + "test_for_update", D, () -> select(MYTABLE).where(MYTABLE.c("myid").eq(7)).forUpdate(),
                        ALL1 + " WHERE mytable.myid = ? FOR UPDATE"),
                sql(F + "test_alias", D, () -> select(MYTABLE.alias("foo")),
                        "SELECT foo.myid, foo.name, foo.description FROM mytable AS foo"),
                sql(F + "test_literal", D, () -> select(literal(STRING, "foo")),
                        "SELECT ?"),
                sql(F + "test_literal", D, () -> select(literal(STRING, "foo").concat(literal(STRING, "bar")))
                        .from(MYTABLE), "SELECT (? || ?) FROM mytable"),
                sql(F + "test_joins", D, () -> select(MYTABLE).join(MYOTHERTABLE,
                        MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid"))),
                        ALL1 + " JOIN myothertable ON mytable.myid = myothertable.otherid"),
                sql(F + "test_joins", D, () -> select(MYOTHERTABLE).addColumns(MYTABLE.c("myid"), MYTABLE.c("name"),
                        MYTABLE.c("description")).join(MYTABLE, MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid"))),
                        "SELECT myothertable.otherid, myothertable.othername, mytable.myid, mytable.name,"
                                + " mytable.description FROM myothertable JOIN mytable ON"
                                + " mytable.myid = myothertable.otherid"),
                sql(F + "test_joins", D, () -> select(MYTABLE).addColumns(MYOTHERTABLE.c("otherid"),
                        MYOTHERTABLE.c("othername"), THIRDTABLE.c("userid"), THIRDTABLE.c("otherstuff"))
                        .from(MYTABLE).join(MYOTHERTABLE, MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid")))
                        .join(THIRDTABLE, MYTABLE.c("myid").eq(THIRDTABLE.c("userid"))),
                        "SELECT mytable.myid, mytable.name, mytable.description, myothertable.otherid,"
                                + " myothertable.othername, thirdtable.userid, thirdtable.otherstuff FROM mytable"
                                + " JOIN myothertable ON mytable.myid = myothertable.otherid JOIN thirdtable ON"
                                + " mytable.myid = thirdtable.userid"),
                sql(F + "test_joins", D, () -> select(MYTABLE).addColumns(MYOTHERTABLE.c("otherid"),
                        MYOTHERTABLE.c("othername"), THIRDTABLE.c("userid"), THIRDTABLE.c("otherstuff"))
                        .from(MYTABLE).join(MYOTHERTABLE, MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid")))
                        .outerJoin(THIRDTABLE, MYTABLE.c("myid").eq(THIRDTABLE.c("userid"))),
                        "SELECT mytable.myid, mytable.name, mytable.description, myothertable.otherid,"
                                + " myothertable.othername, thirdtable.userid, thirdtable.otherstuff FROM mytable"
                                + " JOIN myothertable ON mytable.myid = myothertable.otherid LEFT OUTER JOIN"
                                + " thirdtable ON mytable.myid = thirdtable.userid"),
                sql(F + "test_full_outer_join", D, () -> select(MYTABLE).fullJoin(MYOTHERTABLE,
                        MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid"))),
                        ALL1 + " FULL OUTER JOIN myothertable ON mytable.myid = myothertable.otherid"),
                sql(F + "test_compound_selects", D, () -> select(MYTABLE).where(MYTABLE.c("myid").eq(5))
                        .union(select(MYTABLE).where(MYTABLE.c("myid").eq(12))).orderBy(MYTABLE.c("myid").asc()),
                        ALL1 + " WHERE mytable.myid = ? UNION " + ALL1 + " WHERE mytable.myid = ? ORDER BY myid"),
                sql(F + "test_compound_selects", D, () -> select(MYTABLE.c("myid"), MYTABLE.c("name")).union(
                        select(MYOTHERTABLE), select(THIRDTABLE)).orderBy(MYTABLE.c("name").asc()),
                        "SELECT mytable.myid, mytable.name FROM mytable UNION SELECT myothertable.otherid,"
                                + " myothertable.othername FROM myothertable UNION SELECT thirdtable.userid,"
                                + " thirdtable.otherstuff FROM thirdtable ORDER BY name"),
                sql(F + "test_compound_selects", D, () -> select(MYTABLE.c("myid"), MYTABLE.c("name")).union(
                        select(MYOTHERTABLE)).orderBy(MYTABLE.c("myid").asc()).offset(10).limit(5),
                        "SELECT mytable.myid, mytable.name FROM mytable UNION SELECT myothertable.otherid,"
                                + " myothertable.othername FROM myothertable ORDER BY myid LIMIT ? OFFSET ?"),
                sql(F + "test_compound_selects", D, () -> select(literal(INTEGER, 100).label("value"))
                        .union(select(literal(INTEGER, 200).label("value"))),
                        "SELECT ? AS \"value\" UNION SELECT ? AS \"value\""),
                sql(F + "test_compound_selects", D, () -> select(MYTABLE.c("myid"), MYTABLE.c("name"),
                        io.retort.sql.Sql.max(MYTABLE.c("description"))).where(MYTABLE.c("name").eq("name2"))
                        .groupBy(MYTABLE.c("myid"), MYTABLE.c("name")).union(select(MYTABLE)
                                .where(MYTABLE.c("name").eq("name1"))),
                        "SELECT mytable.myid, mytable.name, max(mytable.description) FROM mytable WHERE"
                                + " mytable.name = ? GROUP BY mytable.myid, mytable.name UNION " + ALL1
                                + " WHERE mytable.name = ?"),
                sql(F + "test_cast", D, () -> select(io.retort.sql.Sql.cast(MYTABLE.c("myid"), STRING)),
                        "SELECT CAST(mytable.myid AS VARCHAR) FROM mytable"),
                sql(F + "test_over", D, () -> io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.all()), "row_number() OVER ()"),
                sql(F + "test_over", D, () -> io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("name").asc(),
                        MYTABLE.c("description").asc())),
                        "row_number() OVER (ORDER BY mytable.name, mytable.description)"),
                sql(F + "test_over", D, () -> io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.partitionBy(MYTABLE.c("name"),
                        MYTABLE.c("description"))),
                        "row_number() OVER (PARTITION BY mytable.name, mytable.description)"),
                sql(F + "test_over", D, () -> io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.partitionBy(MYTABLE.c("name"))
                        .orderBy(MYTABLE.c("description").asc())),
                        "row_number() OVER (PARTITION BY mytable.name ORDER BY mytable.description)"),
                sql(F + "test_over", D, () -> io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.partitionBy(MYTABLE.c("name"))
                        .orderBy(MYTABLE.c("name").asc(), MYTABLE.c("description").asc())),
                        "row_number() OVER (PARTITION BY mytable.name ORDER BY mytable.name, mytable.description)"),
                sql(F + "test_over_framespec", D, () -> select(io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("myid").asc())
                        .rowsBetween(0, null))).from(MYTABLE), "SELECT row_number() OVER (ORDER BY mytable.myid ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
                        + " FROM mytable"),
                sql(F + "test_over_framespec", D, () -> select(io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("myid").asc())
                        .rowsBetween(null, null))).from(MYTABLE), "SELECT row_number() OVER (ORDER BY mytable.myid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
                        + " FROM mytable"),
                sql(F + "test_over_framespec", D, () -> select(io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("myid").asc())
                        .rowsBetween(10, 1))).from(MYTABLE), "SELECT row_number() OVER (ORDER BY mytable.myid ROWS BETWEEN 10 PRECEDING AND 1 FOLLOWING)"
                        + " FROM mytable"),
                sql(F + "test_over_framespec", D, () -> select(io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("myid").asc())
                        .rangeBetween(null, 0))).from(MYTABLE), "SELECT row_number() OVER (ORDER BY mytable.myid RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                        + " FROM mytable"),
                sql(F + "test_over_framespec", D, () -> select(io.retort.sql.Sql.rowNumber().over(io.retort.sql.Window.ordered(MYTABLE.c("myid").asc())
                        .rangeBetween(5, 10))).from(MYTABLE), "SELECT row_number() OVER (ORDER BY mytable.myid RANGE BETWEEN 5 PRECEDING AND 10 FOLLOWING)"
                        + " FROM mytable"),
                sql("test/sql/test_quote.py::QuoteTest::test_reserved_words", D, () -> {
                    io.retort.schema.Table foreign = new io.retort.schema.MetaData().table("create", "foreign",
                            io.retort.schema.Schema.column("col1", INTEGER), io.retort.schema.Schema.column("from",
                                    INTEGER), io.retort.schema.Schema.column("order", INTEGER));
                    return select(foreign.c("col1"), foreign.c("from"), foreign.c("order"));
                }, "SELECT \"create\".\"foreign\".col1, \"create\".\"foreign\".\"from\","
                        + " \"create\".\"foreign\".\"order\" FROM \"create\".\"foreign\""),
                sql("test/sql/test_compiler.py::SchemaTest::test_select", D,
                        () -> select(ConformanceTables.REMOTETABLE), "SELECT remote_owner.remotetable.rem_id,"
                        + " remote_owner.remotetable.datatype_id, remote_owner.remotetable.\"value\""
                        + " FROM remote_owner.remotetable"),
                sql("test/sql/test_compiler.py::SchemaTest::test_select", D,
                        () -> select(ConformanceTables.REMOTETABLE).where(and(ConformanceTables.REMOTETABLE
                                .c("datatype_id").eq(7), ConformanceTables.REMOTETABLE.c("value").eq("hi"))),
                        "SELECT remote_owner.remotetable.rem_id, remote_owner.remotetable.datatype_id,"
                                + " remote_owner.remotetable.\"value\" FROM remote_owner.remotetable WHERE"
                                + " remote_owner.remotetable.datatype_id = ? AND remote_owner.remotetable.\"value\""
                                + " = ?"),
                sql("test/sql/test_compiler.py::SchemaTest::test_select", D, () -> select(
                        new io.retort.schema.MetaData().table("dbo.remote_owner", "remotetable",
                                io.retort.schema.Schema.column("rem_id", INTEGER))),
                        "SELECT \"dbo.remote_owner\".remotetable.rem_id FROM \"dbo.remote_owner\".remotetable"),
                sql(F + "test_date_between", D, () -> select(ConformanceTables.DT).where(ConformanceTables.DT.c("date")
                        .between(java.time.LocalDate.of(2006, 6, 1), java.time.LocalDate.of(2006, 6, 5))),
                        "SELECT dt.\"date\" FROM dt WHERE dt.\"date\" BETWEEN ? AND ?"));
    }
}
