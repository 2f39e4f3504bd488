package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.MYOTHERTABLE;
import static io.retort.impl.conformance.ConformanceTables.MYTABLE;
import static io.retort.impl.conformance.ConformanceTables.values;
import static io.retort.sql.Sql.bindParam;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sqlFragment;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import io.retort.sql.TableAlias;
import java.util.List;

/** Cases of test/sql/test_insert.py, test_update.py and test_delete.py. */
final class DmlCases {
    private static final String I = "test/sql/test_insert.py::InsertTest::";
    private static final String U = "test/sql/test_update.py::UpdateTest::";
    private static final String DL = "test/sql/test_delete.py::DeleteTest::";
    private static final String D = "postgresql";

    private DmlCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(I + "test_insert_with_values_dict", D, () -> insert(MYTABLE).values(values("myid", 3, "name",
                        "jack")), "INSERT INTO mytable (myid, name) VALUES (?, ?)"),
                sql(I + "test_insert_with_values_func", D, () -> insert(MYTABLE).values(values("myid",
                        function("lala", INTEGER))), "INSERT INTO mytable (myid) VALUES (lala())"),
                sql(I + "test_insert_with_user_supplied_bind_params", D, () -> insert(MYTABLE).values(values(
                        "myid", bindParam("userid", INTEGER), "name", bindParam("username", STRING))),
                        "INSERT INTO mytable (myid, name) VALUES (?, ?)"),
                sql(I + "test_insert_from_select_returning", D, () -> insert(MYOTHERTABLE).fromSelect(
                        List.of("otherid", "othername"), select(MYTABLE.c("myid"), MYTABLE.c("name"))
                                .where(MYTABLE.c("name").eq("foo"))).returning(MYOTHERTABLE.c("otherid")),
                        "INSERT INTO myothertable (otherid, othername) SELECT mytable.myid, mytable.name FROM"
                                + " mytable WHERE mytable.name = ? RETURNING otherid"),
                sql(I + "test_insert_from_select_select", D, () -> insert(MYOTHERTABLE).fromSelect(
                        List.of("otherid", "othername"), select(MYTABLE.c("myid"), MYTABLE.c("name"))
                                .where(MYTABLE.c("name").eq("foo"))),
                        "INSERT INTO myothertable (otherid, othername) SELECT mytable.myid, mytable.name FROM"
                                + " mytable WHERE mytable.name = ?"),
                sql(I + "test_insert_from_select_returning", "h2", () -> insert(MYOTHERTABLE).fromSelect(
                        List.of("otherid", "othername"), select(MYTABLE.c("myid"), MYTABLE.c("name")))
                        .returning(MYOTHERTABLE.c("otherid")), "SELECT otherid FROM FINAL TABLE (INSERT INTO"
                        + " myothertable (otherid, othername) SELECT mytable.myid, mytable.name FROM mytable)"),
                sql(U + "test_correlated_update_one", D, () -> update(MYTABLE).values(values("name", sqlFragment(
                        "(select name from mytable where id=mytable.id)", STRING))),
                        "UPDATE mytable SET name=(select name from mytable where id=mytable.id)"),
                sql(U + "test_correlated_update_two", D, () -> {
                    TableAlias mt = MYTABLE.alias("mytable_1");
                    return update(MYTABLE).values(values("name", select(mt.c("name"))
                            .where(mt.c("myid").eq(MYTABLE.c("myid"))).scalarSubquery()));
                }, "UPDATE mytable SET name=(SELECT mytable_1.name FROM mytable AS mytable_1"
                        + " WHERE mytable_1.myid = mytable.myid)"),
                sql(U + "test_correlated_update_five", D, () -> update(MYTABLE).values(values("name", "x"))
                        .where(MYTABLE.c("name").eq(select(MYOTHERTABLE.c("othername"))
                                .where(MYOTHERTABLE.c("otherid").eq(MYTABLE.c("myid"))).scalarSubquery())),
                        "UPDATE mytable SET name=? WHERE mytable.name = (SELECT myothertable.othername FROM"
                                + " myothertable WHERE myothertable.otherid = mytable.myid)"),
                sql(U + "test_correlated_update_four", D, () -> update(MYTABLE).values(values("name", "x"))
                        .where(MYTABLE.c("name").eq(select(MYOTHERTABLE.c("othername"))
                                .where(MYOTHERTABLE.c("otherid").eq(7)).scalarSubquery())),
                        "UPDATE mytable SET name=? WHERE mytable.name = (SELECT myothertable.othername FROM"
                                + " myothertable WHERE myothertable.otherid = ?)"),
                sql(U + "test_correlated_update_six", D, () -> update(MYTABLE).values(values("name",
                        MYOTHERTABLE.c("othername"))).where(MYOTHERTABLE.c("otherid").eq(MYTABLE.c("myid"))),
                        "UPDATE mytable SET name=myothertable.othername FROM myothertable WHERE"
                                + " myothertable.otherid = mytable.myid"),
                sql(U + "test_correlated_update_seven", D, () -> update(MYTABLE).values(values("name", "foo"))
                        .where(MYOTHERTABLE.c("otherid").eq(MYTABLE.c("myid"))),
                        "UPDATE mytable SET name=? FROM myothertable WHERE myothertable.otherid = mytable.myid"),
                sql(U + "test_update_2", D, () -> update(MYTABLE).where(MYTABLE.c("myid").eq(7)).values(values(
                        "myid", 5)), "UPDATE mytable SET myid=? WHERE mytable.myid = ?"),
                sql(U + "test_update_4", D, () -> update(MYTABLE).values(values("name", MYTABLE.c("myid"))),
                        "UPDATE mytable SET name=mytable.myid"),
                sql(U + "test_update_5", D, () -> update(MYTABLE).where(MYTABLE.c("name").eq(bindParam("crit",
                        STRING))).values(values("name", "hi")), "UPDATE mytable SET name=? WHERE mytable.name = ?"),
                sql(U + "test_update_6", D, () -> update(MYTABLE).where(MYTABLE.c("myid").eq(12)).values(values(
                        "name", MYTABLE.c("myid"), "description", "test")),
                        "UPDATE mytable SET name=mytable.myid, description=? WHERE mytable.myid = ?"),
                sql(U + "test_update_10", D, () -> update(MYTABLE).where(MYTABLE.c("myid").eq(12)).values(values(
                        "name", MYTABLE.c("name").concat("foo"), "description", "test")),
                        "UPDATE mytable SET name=(mytable.name || ?), description=? WHERE mytable.myid = ?"),
                sql(U + "test_update_11", D, () -> update(MYTABLE).where(MYTABLE.c("myid").eq(function("hoho",
                        INTEGER, io.retort.sql.Sql.literal(INTEGER, 4)))).values(values("myid", function("do_stuff",
                        INTEGER, MYTABLE.c("myid"), io.retort.sql.Sql.literal(STRING, "hoho")), "name",
                        MYTABLE.c("name").concat("lala"))),
                        "UPDATE mytable SET myid=do_stuff(mytable.myid, ?), name=(mytable.name || ?) WHERE"
                                + " mytable.myid = hoho(?)"),
                sql(DL + "test_delete", D, () -> delete(MYTABLE).where(MYTABLE.c("myid").eq(7)),
                        "DELETE FROM mytable WHERE mytable.myid = ?"),
                sql(DL + "test_delete", D, () -> delete(MYTABLE).where(MYTABLE.c("myid").eq(7))
                        .where(MYTABLE.c("name").eq("somename")),
                        "DELETE FROM mytable WHERE mytable.myid = ? AND mytable.name = ?"),
                sql(DL + "test_alias", D, () -> {
                    TableAlias t1 = MYTABLE.alias("t1");
                    return delete(t1).where(t1.c("myid").eq(7));
                }, "DELETE FROM mytable AS t1 WHERE t1.myid = ?"),
                sql(DL + "test_non_correlated_select", D, () -> delete(MYTABLE).where(MYTABLE.c("name").eq(
                        select(MYOTHERTABLE.c("othername")).where(MYOTHERTABLE.c("otherid").eq(7))
                                .scalarSubquery())),
                        "DELETE FROM mytable WHERE mytable.name = (SELECT myothertable.othername FROM myothertable"
                                + " WHERE myothertable.otherid = ?)"),
                sql(DL + "test_correlated_select", D, () -> delete(MYTABLE).where(MYTABLE.c("name").eq(
                        select(MYOTHERTABLE.c("othername")).where(MYOTHERTABLE.c("otherid").eq(MYTABLE.c("myid")))
                                .scalarSubquery())),
                        "DELETE FROM mytable WHERE mytable.name = (SELECT myothertable.othername FROM myothertable"
                                + " WHERE myothertable.otherid = mytable.myid)"),
                refused("test/sql/test_delete.py::DeleteFromCompileTest::test_delete_extra_froms", "sqlite",
                        () -> delete(MYTABLE).where(MYTABLE.c("myid").eq(MYOTHERTABLE.c("otherid"))),
                        "DELETE ... USING (mytable with myothertable) is not supported by sqlite"));
    }
}
