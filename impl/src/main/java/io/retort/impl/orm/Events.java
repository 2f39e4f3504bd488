package io.retort.impl.orm;

import io.retort.exception.MappingException;
import io.retort.orm.AfterDelete;
import io.retort.orm.AfterInsert;
import io.retort.orm.AfterLoad;
import io.retort.orm.AfterUpdate;
import io.retort.orm.BeforeDelete;
import io.retort.orm.BeforeInsert;
import io.retort.orm.BeforeUpdate;
import io.retort.orm.EntityListener;
import io.retort.orm.Mapped;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.SessionListener;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Calls the persistence events of one session's objects: the annotated methods of their classes (superclasses'
 * first), then the factory's {@link EntityListener}s in the order registered. One per session; confined to its
 * thread. With no listener and no annotated method, each call costs a class lookup.
 */
public final class Events {
    /** The events, with their annotations and listener methods. */
    public enum Kind {
        BEFORE_INSERT(BeforeInsert.class),
        AFTER_INSERT(AfterInsert.class),
        BEFORE_UPDATE(BeforeUpdate.class),
        AFTER_UPDATE(AfterUpdate.class),
        BEFORE_DELETE(BeforeDelete.class),
        AFTER_DELETE(AfterDelete.class),
        AFTER_LOAD(AfterLoad.class);

        final Class<? extends Annotation> annotation;

        Kind(Class<? extends Annotation> annotation) {
            this.annotation = annotation;
        }
    }

    /** A class's annotated event methods, per kind; each handle takes (instance, session). */
    private static final ClassValue<MethodHandle[][]> METHODS = new ClassValue<>() {
        @Override
        protected MethodHandle[][] computeValue(Class<?> type) {
            return methodsOf(type);
        }
    };

    private static final MethodHandle[] NONE = new MethodHandle[0];

    private final Session session;
    private final List<SessionFactory.Registered<?>> listeners;
    private final List<SessionListener> sessionListeners;
    private @Nullable EntityMapper<?> lastLoaded;
    private boolean lastLoadedHasMethods;

    Events(Session session, SessionFactory factory) {
        this.session = session;
        this.listeners = factory.entityListeners();
        this.sessionListeners = factory.sessionListeners();
    }

    /** Calls an event on each of the objects, in order. */
    public void fire(Kind kind, List<InstanceState> states) {
        if (states.isEmpty() || listeners.isEmpty() && !hasMethods(kind, states)) {
            return;
        }
        for (InstanceState state : states) {
            fire(kind, state.object());
        }
    }

    private static boolean hasMethods(Kind kind, List<InstanceState> states) {
        EntityMapper<?> last = null;
        for (InstanceState state : states) {
            if (state.mapper != last) {
                last = state.mapper;
                if (METHODS.get(last.entityClass())[kind.ordinal()].length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an object's class has a method for this event, or a listener listens. */
    public boolean any(Kind kind, Class<?> type) {
        return !listeners.isEmpty() || METHODS.get(type)[kind.ordinal()].length > 0;
    }

    /**
     * The after-load event of an object a query has just created. Called once per loaded row, so with no listener it
     * costs a comparison: whether the class has an {@code @AfterLoad} method is looked up once per run of one class.
     */
    void afterLoad(EntityMapper<?> mapper, Object instance) {
        if (listeners.isEmpty()) {
            if (mapper != lastLoaded) {
                lastLoaded = mapper;
                lastLoadedHasMethods = METHODS.get(mapper.entityClass())[Kind.AFTER_LOAD.ordinal()].length > 0;
            }
            if (!lastLoadedHasMethods) {
                return;
            }
        }
        fire(Kind.AFTER_LOAD, instance);
    }

    /** Calls an event on one object: its class's methods, then the listeners of its class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void fire(Kind kind, Object instance) {
        for (MethodHandle method : METHODS.get(instance.getClass())[kind.ordinal()]) {
            try {
                method.invoke(instance, session);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new io.retort.exception.InvalidRequestException("Event method of " + instance.getClass()
                        .getSimpleName() + " threw " + e, e);
            }
        }
        for (SessionFactory.Registered<?> registered : listeners) {
            if (registered.type().isInstance(instance)) {
                EntityListener listener = registered.listener();
                switch (kind) {
                    case BEFORE_INSERT -> listener.beforeInsert(session, instance);
                    case AFTER_INSERT -> listener.afterInsert(session, instance);
                    case BEFORE_UPDATE -> listener.beforeUpdate(session, instance);
                    case AFTER_UPDATE -> listener.afterUpdate(session, instance);
                    case BEFORE_DELETE -> listener.beforeDelete(session, instance);
                    case AFTER_DELETE -> listener.afterDelete(session, instance);
                    case AFTER_LOAD -> listener.afterLoad(session, instance);
                }
            }
        }
    }

    void beforeFlush() {
        for (SessionListener listener : sessionListeners) {
            listener.beforeFlush(session);
        }
    }

    void beforeExecute(Object statement) {
        for (SessionListener listener : sessionListeners) {
            listener.beforeExecute(session, statement);
        }
    }

    void afterCommit() {
        for (SessionListener listener : sessionListeners) {
            listener.afterCommit(session);
        }
    }

    void afterRollback() {
        for (SessionListener listener : sessionListeners) {
            listener.afterRollback(session);
        }
    }

    /**
     * The annotated methods of a class and its mapped superclasses, topmost first.
     *
     * @throws MappingException naming a method whose parameters are not () or (Session)
     */
    private static MethodHandle[][] methodsOf(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Mapped.class)) {
                classes.add(0, c);
            }
        }
        Kind[] kinds = Kind.values();
        MethodHandle[][] found = new MethodHandle[kinds.length][];
        for (Kind kind : kinds) {
            List<MethodHandle> handles = new ArrayList<>();
            for (Class<?> c : classes) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(kind.annotation)) {
                        handles.add(handle(c, method, kind));
                    }
                }
            }
            found[kind.ordinal()] = handles.isEmpty() ? NONE : handles.toArray(new MethodHandle[0]);
        }
        return found;
    }

    private static MethodHandle handle(Class<?> owner, Method method, Kind kind) {
        String where = "Method " + owner.getName() + "." + method.getName() + " is annotated @"
                + kind.annotation.getSimpleName();
        Class<?>[] parameters = method.getParameterTypes();
        if (Modifier.isStatic(method.getModifiers())) {
            throw new MappingException(where + " but is static; make it an instance method (it is called on each"
                    + " object)");
        }
        if (parameters.length > 1 || parameters.length == 1 && parameters[0] != Session.class) {
            throw new MappingException(where + " but takes " + java.util.Arrays.toString(parameters) + "; an event"
                    + " method takes no parameter, or the Session");
        }
        try {
            MethodHandle handle = MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflect(method);
            if (parameters.length == 0) {
                handle = MethodHandles.dropArguments(handle, 1, Session.class);
            }
            return handle.asType(java.lang.invoke.MethodType.methodType(void.class, Object.class, Session.class));
        } catch (IllegalAccessException e) {
            throw new MappingException(where + " but Retort cannot call it: " + e.getMessage() + "; open its package"
                    + " to io.retort.impl");
        }
    }
}
