package io.retort.cdi.internal;

import io.retort.orm.EntityListener;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/** Finds which mapped class an {@link EntityListener} bean listens to, from its type argument. */
final class Listeners {
    private Listeners() {
    }

    /**
     * The {@code E} of a listener's {@code EntityListener<E>} (found on its class or a superclass, through a client
     * proxy's superclass too); {@code Object} when the class leaves it open, so that it hears every object.
     */
    static Class<?> listenedClass(EntityListener<?> listener) {
        for (Class<?> c = listener.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == EntityListener.class) {
                    Type argument = parameterized.getActualTypeArguments()[0];
                    if (argument instanceof Class<?> found) {
                        return found;
                    }
                    if (argument instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                    if (argument instanceof TypeVariable<?>) {
                        return Object.class;
                    }
                }
            }
        }
        return Object.class;
    }
}
