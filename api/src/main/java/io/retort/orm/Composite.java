package io.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field whose type is a {@code record} to several columns of its owner's table, one per record component,
 * as SQLAlchemy's {@code composite()} and JPA's {@code @Embedded}:
 *
 * <pre>{@code
 * public record Money(BigDecimal amount, String currency) {}
 *
 * @Mapped public class Order {
 *     @Id Integer id;
 *     @Composite @Nullable Money price;                     // columns price_amount and price_currency
 * }
 * session.scalars(select(Order.class).where(Order_.price.eq(new Money(new BigDecimal("9.99"), "EUR"))));
 * // WHERE order.price_amount = ? AND order.price_currency = ?
 * }</pre>
 *
 * <p>Assigning a new record marks its columns changed (the flush updates those whose values differ); a null
 * composite stores NULL in every column, and a row whose columns are all NULL loads as null. The columns are
 * NULL-able. A component that is itself a record (a nested composite) is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Composite {
    /**
     * The columns' names, one per record component in declaration order; by default the field's name and the
     * component's, in snake_case and joined by {@code _} ({@code price_amount}).
     */
    String[] columns() default {};
}
