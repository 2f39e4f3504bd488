package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.impl.conformance.ConformanceTables.METADATA;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.join;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sum;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.STRING;

import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import io.retort.sql.SqlNode;
import io.retort.sql.TableAlias;
import java.util.ArrayList;
import java.util.List;

/** More cases of test/sql/test_cte.py: a recursive CTE per dialect, and CTEs that name one alias twice. */
final class CteMoreCases {
    private static final String C = "test/sql/test_cte.py::CTETest::";
    static final Table PARTS = METADATA.table("parts", column("part", STRING), column("sub_part", STRING),
            column("quantity", INTEGER));
    static final Table A = METADATA.table("a", column("id", INTEGER));
    static final Table B = METADATA.table("b", column("id", INTEGER), column("fid", INTEGER));
    static final Table CC = METADATA.table("c", column("id", INTEGER), column("fid", INTEGER));

    private CteMoreCases() {
    }

    static SqlNode recursive() {
        CommonTableExpression included = select(PARTS.c("sub_part"), PARTS.c("part"), PARTS.c("quantity"))
                .where(PARTS.c("part").eq("our part")).recursiveCte("included_parts");
        TableAlias inclAlias = included.alias("incl");
        TableAlias partsAlias = PARTS.alias("parts_1");
        included = included.union(select(partsAlias.c("sub_part"), partsAlias.c("part"), partsAlias.c("quantity"))
                .where(partsAlias.c("part").eq(inclAlias.c("sub_part"))));
        return select(included.c("sub_part"), sum(included.c("quantity")).label("total_quantity"))
                .from(join(included, PARTS, included.c("part").eq(PARTS.c("part"))))
                .groupBy(included.c("sub_part"));
    }

    static SqlNode aliasedTwice() {
        CommonTableExpression cte1 = select(A.c("id")).cte("cte1");
        TableAlias aa = cte1.alias("aa");
        CommonTableExpression cte2 = select(B.c("id")).from(join(B, aa, B.c("fid").eq(aa.c("id")))).cte("cte2");
        CommonTableExpression cte3 = select(CC.c("id")).from(join(CC, aa, CC.c("fid").eq(aa.c("id")))).cte("cte3");
        return select(cte3.c("id"), cte2.c("id").label("id_1")).from(join(cte2, cte3, cte2.c("id").eq(cte3.c("id"))));
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        String body = "included_parts(sub_part, part, quantity) AS (SELECT parts.sub_part, parts.part,"
                + " parts.quantity FROM parts WHERE parts.part = ? UNION SELECT parts_1.sub_part, parts_1.part,"
                + " parts_1.quantity FROM parts AS parts_1, included_parts AS incl WHERE parts_1.part ="
                + " incl.sub_part) SELECT included_parts.sub_part, sum(included_parts.quantity) AS total_quantity"
                + " FROM included_parts JOIN parts ON included_parts.part = parts.part"
                + " GROUP BY included_parts.sub_part";
        for (String dialect : List.of("postgresql", "sqlite", "mariadb")) {
            cases.add(sql(C + "test_recursive", dialect, CteMoreCases::recursive, "WITH RECURSIVE " + body));
        }
        cases.add(ConformanceCase.refused(C + "test_recursive", "h2", CteMoreCases::recursive,
                "A recursive CTE with UNION (included_parts) is not supported by h2"));
        String twice = "WITH cte1(id) AS (SELECT a.id FROM a), cte2(id) AS (SELECT b.id FROM b JOIN cte1 AS aa"
                + " ON b.fid = aa.id), cte3(id) AS (SELECT c.id FROM c JOIN cte1 AS aa ON c.fid = aa.id)"
                + " SELECT cte3.id, cte2.id AS id_1 FROM cte2 JOIN cte3 ON cte2.id = cte3.id";
        for (String dialect : List.of("postgresql", "sqlite", "mariadb")) {
            cases.add(sql(C + "test_cte_refers_to_aliased_cte_twice", dialect, CteMoreCases::aliasedTwice, twice));
        }
        return cases;
    }
}
