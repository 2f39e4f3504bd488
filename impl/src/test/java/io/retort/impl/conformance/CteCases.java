package io.retort.impl.conformance;

import static io.retort.impl.conformance.ConformanceCase.sql;
import static io.retort.schema.Schema.column;
import static io.retort.sql.Sql.function;
import static io.retort.sql.Sql.literal;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.sum;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.NUMERIC;
import static io.retort.types.Types.STRING;

import io.retort.schema.Table;
import io.retort.sql.CommonTableExpression;
import java.math.BigDecimal;
import java.util.List;

/** Cases of test/sql/test_cte.py, compiled for PostgreSQL. */
final class CteCases {
    private static final String F = "test/sql/test_cte.py::CTETest::";
    private static final String D = "postgresql";
    /** test_nonrecursive's orders(region, amount, product, quantity). */
    private static final Table ORDERS = ConformanceTables.METADATA.table("orders", column("region", STRING),
            column("amount", INTEGER), column("product", STRING), column("quantity", INTEGER));

    private CteCases() {
    }

    private static CommonTableExpression counter() {
        CommonTableExpression cte = select(literal(INTEGER, 0).label("x")).recursiveCte("cte");
        return cte.unionAll(select(cte.c("x").plus(1)).where(cte.c("x").lt(10)));
    }

    static List<ConformanceCase> all() {
        String counter = "WITH RECURSIVE cte(x) AS (SELECT ? AS x UNION ALL SELECT (cte.x + ?) FROM cte"
                + " WHERE cte.x < ?) ";
        return List.of(
                sql(F + "test_nonrecursive", D, () -> {
                    CommonTableExpression regionalSales = select(ORDERS.c("region"),
                            sum(ORDERS.c("amount")).label("total_sales")).groupBy(ORDERS.c("region"))
                            .cte("regional_sales");
                    // SQLAlchemy's // is floor division: FLOOR(sum(...) / 10).
                    CommonTableExpression topRegions = select(regionalSales.c("region")).where(
                            regionalSales.c("total_sales").gt(select(function("FLOOR", NUMERIC,
                                    sum(regionalSales.c("total_sales")).dividedBy(BigDecimal.TEN))).scalarSubquery()))
                            .cte("top_regions");
                    return select(ORDERS.c("region"), ORDERS.c("product"),
                            sum(ORDERS.c("quantity")).label("product_units"),
                            sum(ORDERS.c("amount")).label("product_sales"))
                            .where(ORDERS.c("region").in(select(topRegions.c("region"))))
                            .groupBy(ORDERS.c("region"), ORDERS.c("product"));
                }, "WITH regional_sales(region, total_sales) AS (SELECT orders.region, sum(orders.amount) AS"
                        + " total_sales FROM orders GROUP BY orders.region), top_regions(region) AS (SELECT"
                        + " regional_sales.region FROM regional_sales WHERE regional_sales.total_sales > (SELECT"
                        + " FLOOR((sum(regional_sales.total_sales) / ?)) FROM regional_sales)) SELECT orders.region,"
                        + " orders.product, sum(orders.quantity) AS product_units, sum(orders.amount) AS"
                        + " product_sales FROM orders WHERE orders.region IN (SELECT top_regions.region FROM"
                        + " top_regions) GROUP BY orders.region, orders.product"),
                sql(F + "test_recursive_union_no_alias_one", D, () -> select(counter()),
                        counter + "SELECT cte.x FROM cte"),
                sql(F + "test_recursive_union_alias_one", D, () -> select(counter().alias("cr1")),
                        counter + "SELECT cr1.x FROM cte AS cr1"),
                sql(F + "test_union", D, () -> {
                    CommonTableExpression sales = select(ORDERS.c("region"), ORDERS.c("amount")).cte("regional_sales");
                    return select(sales.c("region")).where(sales.c("amount").gt(500));
                }, "WITH regional_sales(region, amount) AS (SELECT orders.region, orders.amount FROM orders)"
                        + " SELECT regional_sales.region FROM regional_sales WHERE regional_sales.amount > ?"),
                sql(F + "test_union", D, () -> {
                    CommonTableExpression sales = select(ORDERS.c("region"), ORDERS.c("amount")).cte("regional_sales");
                    return select(sales.c("region")).where(sales.c("amount").gt(500))
                            .unionAll(select(sales.c("region")).where(sales.c("amount").lt(300)));
                }, "WITH regional_sales(region, amount) AS (SELECT orders.region, orders.amount FROM orders)"
                        + " SELECT regional_sales.region FROM regional_sales WHERE regional_sales.amount > ?"
                        + " UNION ALL SELECT regional_sales.region FROM regional_sales WHERE"
                        + " regional_sales.amount < ?"));
    }
}
