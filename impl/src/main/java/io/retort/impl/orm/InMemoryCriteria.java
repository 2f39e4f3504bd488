package io.retort.impl.orm;

import io.retort.orm.ColumnAttribute;
import io.retort.schema.Column;
import io.retort.sql.Between;
import io.retort.sql.BindParameter;
import io.retort.sql.Comparison;
import io.retort.sql.Expression;
import io.retort.sql.InList;
import io.retort.sql.Junction;
import io.retort.sql.Negation;
import io.retort.sql.NullTest;
import io.retort.sql.Operation;
import io.retort.sql.Predicate;
import java.math.BigDecimal;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * WHERE criteria and SET values of an ORM-enabled UPDATE or DELETE evaluated against an object's fields in Java, as
 * SQLAlchemy's {@code synchronize_session="evaluate"}: comparisons, IS NULL, IN, BETWEEN, AND, OR and NOT of the
 * class's own columns and literal values, and {@code + - *} of numbers. SQL's three-valued logic is kept (a comparison
 * with NULL is unknown, and unknown does not match). Anything else is {@link Unevaluable}.
 */
final class InMemoryCriteria {
    /** The criteria or a value cannot be evaluated in Java. */
    static final class Unevaluable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unevaluable(String what) {
            super(what, null, false, false);
        }
    }

    private final EntityMapper<?> mapper;

    InMemoryCriteria(EntityMapper<?> mapper) {
        this.mapper = mapper;
    }

    /** Checks, without an object, that the criteria can be evaluated; throws {@link Unevaluable} if not. */
    void check(@Nullable Predicate criteria) {
        if (criteria != null) {
            matches(criteria, null);
        }
    }

    /** Whether the criteria hold for the object (true for no criteria); with a null object only checks them. */
    boolean matches(@Nullable Predicate criteria, @Nullable Object instance) {
        return criteria == null || Boolean.TRUE.equals(truth(criteria, instance));
    }

    private @Nullable Boolean truth(Predicate predicate, @Nullable Object instance) {
        if (predicate instanceof Junction junction) {
            boolean and = junction.kind() == Junction.Kind.AND;
            Boolean result = and;
            for (Predicate part : junction.predicates()) {
                Boolean value = truth(part, instance);
                if (and) {
                    result = Boolean.FALSE.equals(value) || Boolean.FALSE.equals(result) ? Boolean.FALSE
                            : value == null || result == null ? null : Boolean.TRUE;
                } else {
                    result = Boolean.TRUE.equals(value) || Boolean.TRUE.equals(result) ? Boolean.TRUE
                            : value == null || result == null ? null : Boolean.FALSE;
                }
            }
            return result;
        }
        if (predicate instanceof Negation negation) {
            Boolean value = truth(negation.predicate(), instance);
            return value == null ? null : !value;
        }
        if (predicate instanceof NullTest test) {
            Object value = value(test.expression(), instance);
            return instance == null ? Boolean.TRUE : (value == null) != test.negated();
        }
        if (predicate instanceof Comparison comparison) {
            Object left = value(comparison.left(), instance);
            Object right = value(comparison.right(), instance);
            if (instance == null) {
                return Boolean.TRUE;
            }
            if (left == null || right == null) {
                return null;
            }
            int order = compare(left, right, comparison);
            return switch (comparison.operator()) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
        if (predicate instanceof InList in) {
            Object left = value(in.expression(), instance);
            Object values = in.values().value();
            if (!(values instanceof Collection<?> candidates)) {
                throw new Unevaluable(in.toString());
            }
            if (instance == null) {
                return Boolean.TRUE;
            }
            if (left == null) {
                return null;
            }
            boolean found = false;
            for (Object candidate : candidates) {
                found |= candidate != null && compare(left, candidate, in) == 0;
            }
            return found != in.negated();
        }
        if (predicate instanceof Between between) {
            Object value = value(between.expression(), instance);
            Object low = value(between.low(), instance);
            Object high = value(between.high(), instance);
            if (instance == null) {
                return Boolean.TRUE;
            }
            if (value == null || low == null || high == null) {
                return null;
            }
            return compare(value, low, between) >= 0 && compare(value, high, between) <= 0;
        }
        throw new Unevaluable(predicate.toString());
    }

    /** The value of an expression for the object: a field, a literal, or arithmetic of them. */
    @Nullable Object value(Expression<?> expression, @Nullable Object instance) {
        if (expression instanceof BindParameter<?> parameter) {
            if (parameter.name() != null || parameter.isComputed() || parameter.isExpanding()) {
                throw new Unevaluable(expression.toString());
            }
            return parameter.value();
        }
        Attribute attribute = attributeOf(expression);
        if (attribute != null) {
            return instance == null ? null : attribute.get(instance);
        }
        if (expression instanceof Operation<?> operation) {
            Object left = value(operation.left(), instance);
            Object right = value(operation.right(), instance);
            if (instance == null || left == null || right == null) {
                return null;
            }
            if (!(left instanceof Number) || !(right instanceof Number)) {
                throw new Unevaluable(expression.toString());
            }
            BigDecimal a = decimal((Number) left);
            BigDecimal b = decimal((Number) right);
            return switch (operation.operator()) {
                case ADD -> a.add(b);
                case SUBTRACT -> a.subtract(b);
                case MULTIPLY -> a.multiply(b);
                default -> throw new Unevaluable(expression.toString());
            };
        }
        throw new Unevaluable(expression.toString());
    }

    /** The attribute of this class an expression names (its metamodel attribute or its table's column), or null. */
    private @Nullable Attribute attributeOf(Expression<?> expression) {
        if (expression instanceof ColumnAttribute<?, ?> attribute) {
            if (!attribute.entityClass().isAssignableFrom(mapper.entityClass())) {
                throw new Unevaluable(attribute.toString());
            }
            return mapper.attribute(attribute.attributeName());
        }
        if (expression instanceof Column<?> column) {
            for (Attribute attribute : mapper.attributes()) {
                if (attribute.column().equals(column)) {
                    return attribute;
                }
            }
            throw new Unevaluable(column.toString());
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right, Object where) {
        if (left instanceof Number && right instanceof Number) {
            return decimal((Number) left).compareTo(decimal((Number) right));
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable) {
            return ((Comparable) left).compareTo(right);
        }
        if (left.equals(right)) {
            return 0;
        }
        throw new Unevaluable(where.toString());
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal ? (BigDecimal) number : new BigDecimal(number.toString());
    }

    /** A value converted to a field's type (numbers narrowed when they fit exactly); Unevaluable if it cannot be. */
    static @Nullable Object convert(@Nullable Object value, Attribute attribute) {
        Class<?> type = attribute.type();
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            try {
                if (type == Integer.class) {
                    return decimal.intValueExact();
                }
                if (type == Long.class) {
                    return decimal.longValueExact();
                }
                if (type == Short.class) {
                    return decimal.shortValueExact();
                }
                if (type == BigDecimal.class) {
                    return decimal;
                }
                if (type == Double.class) {
                    return decimal.doubleValue();
                }
            } catch (ArithmeticException e) {
                throw new Unevaluable(value + " for " + attribute);
            }
        }
        throw new Unevaluable(value + " for " + attribute);
    }
}
