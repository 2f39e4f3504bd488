package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.sql.Sql.max;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.values;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;

import io.retort.schema.Table;
import io.retort.sql.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases of test/sql/test_values.py: a VALUES table in FROM, {@code (VALUES (...), (...)) AS name (columns)} on
 * PostgreSQL and H2; on SQLite and MariaDB (no column list for a VALUES table) the same rows as
 * {@code (SELECT ? AS a, ... UNION ALL SELECT ?, ...) AS name}. Retort's VALUES table always has a name (SQLAlchemy's
 * may be anonymous, whose columns then go unqualified).
 */
final class ValuesCases {
    private static final String F = "test/sql/test_values.py::ValuesTest::";
    private static final Table PEOPLE = LateralCases.PEOPLE;

    private ValuesCases() {
    }

    private static Values myvalues() {
        return values("myvalues").column("mykey", INTEGER).column("mytext", string(10)).column("myint", INTEGER)
                .data(List.of(List.of(1, "textA", 99), List.of(2, "textB", 88)));
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        String selected = "SELECT myvalues.mykey, myvalues.mytext, myvalues.myint FROM ";
        for (String dialect : List.of("postgresql", "h2")) {
            cases.add(sql(F + "test_bound_parameters", dialect, () -> select(myvalues()), selected
                    + "(VALUES (?, ?, ?), (?, ?, ?)) AS myvalues (mykey, mytext, myint)"));
        }
        for (String dialect : List.of("sqlite", "mariadb")) {
            cases.add(sql(F + "test_bound_parameters", dialect, () -> select(myvalues()), selected
                    + "(SELECT ? AS mykey, ? AS mytext, ? AS myint UNION ALL SELECT ?, ?, ?) AS myvalues"));
        }
        cases.add(sql(F + "test_column_quoting", "postgresql", () -> select(values("Spaces and Cases")
                .column("CaseSensitive", INTEGER).column("has spaces", string(10)).column("number", INTEGER)
                .data(List.of(List.of(1, "textA", 99), List.of(2, "textB", 88)))),
                "SELECT \"Spaces and Cases\".\"CaseSensitive\", \"Spaces and Cases\".\"has spaces\","
                        + " \"Spaces and Cases\".number FROM (VALUES (?, ?, ?), (?, ?, ?)) AS \"Spaces and Cases\""
                        + " (\"CaseSensitive\", \"has spaces\", number)"));
        cases.add(sql(F + "test_values_in_scalar_subq", "postgresql", () -> {
            Values tvc = values("tvc").column("v1", INTEGER).data(List.of(List.of(PEOPLE.c("people_id")),
                    List.of(PEOPLE.c("age")), List.of(PEOPLE.c("name"))));
            return select(PEOPLE.c("people_id"), select(max(tvc.c("v1"))).scalarSubquery());
        }, "SELECT people.people_id, (SELECT max(tvc.v1) FROM (VALUES (people.people_id), (people.age),"
                + " (people.name)) AS tvc (v1)) FROM people"));
        cases.add(sql(F + "test_with_join_named", "postgresql", () -> {
            Values bookcases = values("bookcases").column("bookcase_id", INTEGER)
                    .column("bookcase_owner_id", INTEGER).data(List.of(List.of(1, 1), List.of(2, 1), List.of(3, 2),
                            List.of(3, 3)));
            return select(PEOPLE.c("people_id"), PEOPLE.c("age"), PEOPLE.c("name"), bookcases.c("bookcase_id"),
                    bookcases.c("bookcase_owner_id")).join(bookcases,
                            bookcases.c("bookcase_owner_id").eq(PEOPLE.c("people_id")));
        }, "SELECT people.people_id, people.age, people.name, bookcases.bookcase_id, bookcases.bookcase_owner_id"
                + " FROM people JOIN (VALUES (?, ?), (?, ?), (?, ?), (?, ?)) AS bookcases (bookcase_id,"
                + " bookcase_owner_id) ON bookcases.bookcase_owner_id = people.people_id"));
        return cases;
    }
}
