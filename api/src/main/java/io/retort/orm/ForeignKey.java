package io.retort.orm;

import io.retort.schema.ReferentialAction;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key on a mapped field's column, as {@code mapped_column(ForeignKey("user_account.id"))}:
 *
 * <pre>{@code
 * @ForeignKey("user_account.id") Integer userId;
 * }</pre>
 *
 * <p>The session flushes rows in the order these keys give: a row is inserted after the row it refers to and deleted
 * before it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** The referred column as {@code "table.column"}. */
    String value();

    /** The ON DELETE action. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** The ON UPDATE action. */
    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
