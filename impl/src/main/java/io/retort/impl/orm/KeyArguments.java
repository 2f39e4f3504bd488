package io.retort.impl.orm;

import io.retort.exception.InvalidArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Keys given by the application ({@code session.get(User.class, 5)}) and objects described for messages. */
final class KeyArguments {
    private KeyArguments() {
    }

    /**
     * The identity for a key given to {@code get()}: a single value, a list or array of values in key order, or a
     * map of attribute name to value.
     */
    static Object identity(EntityMapper<?> mapper, Object primaryKey) {
        Attribute[] key = mapper.key();
        Class<?> type = mapper.entityClass();
        List<String> keyNames = mapper.primaryKeyAttributes();
        if (key.length == 1) {
            Object value = primaryKey;
            if (primaryKey instanceof Map) {
                value = ((Map<?, ?>) primaryKey).get(key[0].name());
            } else if (primaryKey instanceof List && ((List<?>) primaryKey).size() == 1) {
                value = ((List<?>) primaryKey).get(0);
            } else if (primaryKey instanceof Object[] && ((Object[]) primaryKey).length == 1) {
                value = ((Object[]) primaryKey)[0];
            }
            return checkKeyValue(type, key[0], value, primaryKey);
        }
        List<?> values;
        if (primaryKey instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) primaryKey;
            @Nullable Object[] ordered = new @Nullable Object[key.length];
            for (int i = 0; i < key.length; i++) {
                ordered[i] = map.get(key[i].name());
            }
            values = Arrays.asList(ordered);
        } else if (primaryKey instanceof List) {
            values = (List<?>) primaryKey;
        } else if (primaryKey instanceof Object[]) {
            values = Arrays.asList((Object[]) primaryKey);
        } else {
            throw new InvalidArgumentException(type.getSimpleName() + " has a composite primary key " + keyNames
                    + "; give get() a List or array of " + key.length + " values in that order, or a Map by field"
                    + " name, not " + primaryKey);
        }
        if (values.size() != key.length) {
            throw new InvalidArgumentException(type.getSimpleName() + " has a primary key of " + key.length
                    + " fields " + keyNames + ", but get() was given " + values.size() + " values: " + values);
        }
        Object[] checked = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            checked[i] = checkKeyValue(type, key[i], values.get(i), primaryKey);
        }
        return List.of(checked);
    }

    private static Object checkKeyValue(Class<?> type, Attribute attribute, @Nullable Object value, Object given) {
        if (value == null) {
            throw new InvalidArgumentException("get(" + type.getSimpleName() + ", " + given + ") has no value for"
                    + " key field " + attribute.name());
        }
        if (!attribute.type().isInstance(value)) {
            if (value instanceof Number && Number.class.isAssignableFrom(attribute.type())) {
                Number number = (Number) value;
                if (attribute.type() == Integer.class && number.longValue() == number.intValue()) {
                    return number.intValue();
                }
                if (attribute.type() == Long.class) {
                    return number.longValue();
                }
                if (attribute.type() == Short.class && number.longValue() == number.shortValue()) {
                    return number.shortValue();
                }
            }
            throw new InvalidArgumentException("Key field " + attribute + " is a " + attribute.type().getSimpleName()
                    + ", but get() was given " + value.getClass().getSimpleName() + " " + value);
        }
        return value;
    }

    /** {@code User[id=1]}, or the object's own {@code toString()} when it overrides it. */
    static String describe(EntityMapper<?> mapper, Object instance) {
        Object identity = mapper.identity(instance);
        Class<?> type = mapper.entityClass();
        String own = ownToString(instance);
        return type.getSimpleName() + (identity != null ? " with identity " + identity : " (no identity yet)")
                + (own != null ? ": " + own : "");
    }

    private static @Nullable String ownToString(Object instance) {
        try {
            // Its toString() may read expired or unloaded attributes: they show what the fields hold, without a
            // load (a message must not run a query, least of all in the middle of a flush).
            return InstanceState.quietly(() -> {
                try {
                    if (instance.getClass().getMethod("toString").getDeclaringClass() == Object.class) {
                        return null;
                    }
                } catch (NoSuchMethodException e) {
                    return null;
                }
                return String.valueOf(instance);
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The parameters of {@code byIdentity()} for an identity (a value, or a list for a composite key). */
    static Map<String, @Nullable Object> identityParameters(EntityMapper<?> mapper, Object identity) {
        String[] names = mapper.keyParameters();
        if (names.length == 1) {
            return java.util.Collections.singletonMap(names[0], identity);
        }
        List<?> values = (List<?>) identity;
        Map<String, @Nullable Object> parameters = new java.util.HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            parameters.put(names[i], values.get(i));
        }
        return parameters;
    }

    /** A relationship's {@code backPopulates} names a field of the target that relates back to this class. */
    static void checkBackPopulates(Class<?> type, RelationshipMapper relationship) {
        String back = relationship.field.getAnnotation(io.retort.orm.Relationship.class).backPopulates();
        if (back.isEmpty()) {
            return;
        }
        RelationshipMapper.Spec other = relationship.target.relationshipSpec(back);
        Class<?> otherTarget = other.field().getType();
        if (java.util.Collection.class.isAssignableFrom(otherTarget)
                && other.field().getGenericType() instanceof java.lang.reflect.ParameterizedType) {
            java.lang.reflect.Type argument = ((java.lang.reflect.ParameterizedType) other.field().getGenericType())
                    .getActualTypeArguments()[0];
            otherTarget = argument instanceof Class ? (Class<?>) argument : Object.class;
        }
        if (!otherTarget.isAssignableFrom(type)) {
            throw new io.retort.exception.MappingException("Relationship " + type.getName() + "." + relationship.name + " has"
                    + " backPopulates = \"" + back + "\", but " + relationship.target.entityClass().getSimpleName()
                    + "." + back + " relates to " + otherTarget.getSimpleName() + ", not to " + type.getSimpleName());
        }
    }
}
