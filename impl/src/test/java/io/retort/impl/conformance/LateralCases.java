package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.refused;
import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.alwaysTrue;
import static io.retort.sql.Sql.select;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;

import io.retort.schema.Table;
import java.util.List;

/** Cases of test/sql/test_lateral.py (people and books). */
final class LateralCases {
    private static final String F = "test/sql/test_lateral.py::LateralTest::";
    static final Table PEOPLE = ConformanceTables.METADATA.table("people",
            column("people_id", INTEGER).primaryKey(), column("age", INTEGER), column("name", string(30)));
    private static final Table BOOKS = ConformanceTables.METADATA.table("books",
            column("book_id", INTEGER).primaryKey(), column("book_owner_id", INTEGER));
    private static final String PEOPLE_JOIN = "SELECT people.people_id, people.age, people.name FROM people JOIN"
            + " LATERAL (SELECT books.book_id FROM books WHERE books.book_owner_id = people.people_id) AS alias"
            + " ON ? = ?";

    private LateralCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                sql(F + "test_select_from", "postgresql", () -> select(select(PEOPLE.c("people_id")).lateral("alias")),
                        "SELECT alias.people_id FROM LATERAL (SELECT people.people_id FROM people) AS alias"),
                sql(F + "test_select_from_implicit_subquery", "postgresql",
                        () -> select(select(PEOPLE.c("people_id")).lateral("alias")),
                        "SELECT alias.people_id FROM LATERAL (SELECT people.people_id FROM people) AS alias"),
                sql(F + "test_plain_join", "postgresql", () -> select(PEOPLE).join(select(BOOKS.c("book_id"))
                        .where(BOOKS.c("book_owner_id").eq(PEOPLE.c("people_id"))).lateral("alias"), alwaysTrue()),
                        PEOPLE_JOIN),
                sql(F + "test_plain_join", "postgresql", () -> select(PEOPLE).join(select(BOOKS.c("book_id"))
                        .where(BOOKS.c("book_owner_id").eq(PEOPLE.c("people_id"))).correlate(PEOPLE)
                        .lateral("alias"), alwaysTrue()), PEOPLE_JOIN),
                refused(F + "test_plain_join", "mariadb", () -> select(PEOPLE).join(select(BOOKS.c("book_id"))
                        .where(BOOKS.c("book_owner_id").eq(PEOPLE.c("people_id"))).lateral("alias"), alwaysTrue()),
                        "LATERAL (subquery alias) is not supported by"));
    }
}
