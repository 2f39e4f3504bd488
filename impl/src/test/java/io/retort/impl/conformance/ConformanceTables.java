package io.retort.impl.conformance;

import static io.retort.schema.Schema.column;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;
import static io.retort.types.Types.string;

import io.retort.schema.MetaData;
import io.retort.schema.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tables of SQLAlchemy's test/sql/test_compiler.py ({@code table1} to {@code table4}), as Retort tables. */
final class ConformanceTables {
    static final MetaData METADATA = new MetaData();
    /** {@code table1}: mytable(myid, name, description). */
    static final Table MYTABLE = METADATA.table("mytable", column("myid", INTEGER), column("name", STRING),
            column("description", STRING));
    /** {@code table2}: myothertable(otherid, othername). */
    static final Table MYOTHERTABLE = METADATA.table("myothertable", column("otherid", INTEGER),
            column("othername", STRING));
    /** {@code table3}: thirdtable(userid, otherstuff). */
    static final Table THIRDTABLE = METADATA.table("thirdtable", column("userid", INTEGER),
            column("otherstuff", STRING));
    /** {@code table4}: remote_owner.remotetable(rem_id, datatype_id, value). */
    static final Table REMOTETABLE = METADATA.table("remote_owner", "remotetable",
            column("rem_id", INTEGER).primaryKey(), column("datatype_id", INTEGER), column("value", string(20)));
    /** test_delete.py / test_postgresql: t1(c1), t2(c1). */
    static final Table T1 = METADATA.table("t1", column("c1", INTEGER));
    static final Table T2 = METADATA.table("t2", column("c1", INTEGER));
    /** test_postgresql DistinctOnTest: t(id, a, b). */
    static final Table T = METADATA.table("t", column("id", INTEGER).primaryKey(), column("a", STRING),
            column("b", STRING));
    /** test_mysql InsertOnDuplicateTest: foos(id, bar, baz). */
    static final Table FOOS = METADATA.table("foos", column("id", INTEGER).primaryKey(), column("bar", string(10)),
            column("baz", string(10)));
    /** test_sqlite OnConflictCompileTest: users(id, name). */
    static final Table USERS = METADATA.table("users", column("id", INTEGER).primaryKey(), column("name", STRING));
    /** test_compiler.py test_date_between: dt(date). */
    static final Table DT = METADATA.table("dt", column("date", io.retort.types.Types.DATE));

    private ConformanceTables() {
    }

    /** Column values in the order given. */
    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
