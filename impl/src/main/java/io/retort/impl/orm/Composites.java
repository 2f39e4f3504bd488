package io.retort.impl.orm;

import io.retort.exception.InvalidRequestException;
import io.retort.exception.MappingException;
import io.retort.orm.Composite;
import io.retort.orm.Id;
import io.retort.orm.enhance.Enhanced;
import io.retort.schema.Column;
import io.retort.schema.Schema;
import io.retort.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link Composite} fields: a record whose components are columns of the owner's table. Each component is an
 * {@link Attribute} of its own (named {@code price.amount}) that reads its value out of the record in the field; the
 * record is built again when all its columns are loaded. Immutable; thread-safe.
 */
final class Composites {
    private Composites() {
    }

    /**
     * One component of a composite field.
     *
     * @param record the record type
     * @param component the component's position
     * @param components the record's components' accessors, each {@code (Object) -> Object}
     * @param constructor the canonical constructor, {@code (Object[]) -> Object}
     * @param names the components' names
     * @param primitive per component, whether it is primitive (a record with such a component cannot hold NULL)
     */
    record Part(Class<?> record, int component, MethodHandle[] components, MethodHandle constructor, String[] names,
            boolean[] primitive) {

        /** Whether this is the record's last component (its columns come in component order). */
        boolean last() {
            return component == components.length - 1;
        }

        /** This component's value in a record (null for a null record). */
        @Nullable Object read(@Nullable Object value) {
            if (value == null) {
                return null;
            }
            try {
                return components[component].invoke(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new InvalidRequestException("Reading " + record.getSimpleName() + "." + names[component]
                        + " threw " + e, e);
            }
        }

        /** A record from its components' values; null when every one is null (every column NULL). */
        @Nullable Object build(@Nullable Object[] values, int from, Field field) {
            boolean allNull = true;
            for (int i = 0; i < components.length; i++) {
                allNull &= values[from + i] == null;
            }
            if (allNull) {
                return null;
            }
            @Nullable Object[] arguments = new @Nullable Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = values[from + i];
                if (arguments[i] == null && primitive[i]) {
                    throw new InvalidRequestException("The column of " + field.getDeclaringClass().getSimpleName()
                            + "." + field.getName() + "." + names[i] + " is NULL while other columns of the composite"
                            + " are not, but component " + record.getSimpleName() + "." + names[i] + " is primitive;"
                            + " make it a boxed type, or keep the column NOT NULL");
                }
            }
            try {
                return constructor.invoke(arguments);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new InvalidRequestException("The constructor of " + record.getName() + " threw " + e, e);
            }
        }

        /** Sets one component: the field gets a new record with this component replaced. */
        void write(Object instance, int enhancedIndex, @Nullable Object value, Field field) {
            Object current = ((Enhanced) instance).$$retort_get(enhancedIndex);
            @Nullable Object[] values = new @Nullable Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Part each = new Part(record, i, components, constructor, names, primitive);
                values[i] = i == component ? value : each.read(current);
            }
            ((Enhanced) instance).$$retort_set(enhancedIndex, build(values, 0, field));
        }
    }

    /** Whether a field is a composite. */
    static boolean isComposite(Field field) {
        return field.isAnnotationPresent(Composite.class);
    }

    /**
     * The parts of a composite field, one per component.
     *
     * @throws MappingException if the field's type is not a record, a component is a record (nested composite) or
     *         has no column type, or the field is a key
     */
    static List<Part> parts(String className, Field field) {
        String where = "Field " + className + "." + field.getName();
        Class<?> type = field.getType();
        if (!type.isRecord()) {
            throw new MappingException(where + " is @Composite but has type " + type.getName() + ", which is not a"
                    + " record; a composite value is a record whose components are its columns");
        }
        if (field.isAnnotationPresent(Id.class)) {
            throw new MappingException(where + " is both @Id and @Composite; a key of several columns is several @Id"
                    + " fields");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new MappingException(where + " is @Composite but record " + type.getSimpleName() + " has no"
                    + " components");
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException("Retort cannot access record " + type.getName() + " of " + where
                    + ": open its package to io.retort.impl");
        }
        MethodHandle[] accessors = new MethodHandle[components.length];
        String[] names = new String[components.length];
        boolean[] primitive = new boolean[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getType().isRecord() || component.isAnnotationPresent(Composite.class)) {
                throw new MappingException(where + " is @Composite " + type.getSimpleName() + ", whose component "
                        + component.getName() + " is itself a record (a nested composite), which Retort does not"
                        + " map; give " + type.getSimpleName() + " the inner record's components instead, or map the"
                        + " inner value as a @Composite field of its own");
            }
            names[i] = component.getName();
            types[i] = component.getType();
            primitive[i] = component.getType().isPrimitive();
            try {
                accessors[i] = lookup.unreflect(component.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
                throw new MappingException("Retort cannot read component " + component.getName() + " of "
                        + type.getName() + ": " + e.getMessage());
            }
        }
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("Retort cannot call the canonical constructor of record " + type.getName()
                    + ": " + e.getMessage());
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            parts.add(new Part(type, i, accessors, constructor, names, primitive));
        }
        return parts;
    }

    /**
     * The columns of a composite field, NULL-able (a null composite stores NULL in each), named by
     * {@link Composite#columns()} or {@code <field>_<component>}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Column<?>> columns(String className, String tableName, Field field, Map<String, Field> owners) {
        Composite composite = field.getAnnotation(Composite.class);
        RecordComponent[] components = field.getType().getRecordComponents();
        String[] declared = composite.columns();
        String where = "Field " + className + "." + field.getName();
        if (declared.length != 0 && declared.length != components.length) {
            throw new MappingException(where + " has @Composite(columns = " + java.util.Arrays.toString(declared)
                    + "), " + declared.length + " names for the " + components.length + " components of "
                    + field.getType().getSimpleName() + "; give one name per component, in order");
        }
        List<Column<?>> columns = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            // @Column on a component (length, precision, ...) lands on the record's field of that name.
            io.retort.orm.Column options;
            try {
                options = field.getType().getDeclaredField(component.getName())
                        .getAnnotation(io.retort.orm.Column.class);
            } catch (NoSuchFieldException e) {
                options = null;
            }
            SqlType<?> sqlType = ColumnTypes.of(component.getType(), options);
            if (sqlType == null) {
                throw new MappingException(where + " is @Composite " + field.getType().getSimpleName() + ", whose"
                        + " component " + component.getName() + " has type " + component.getType().getName()
                        + ", which has no column type; components may be " + ColumnTypes.SUPPORTED);
            }
            String name = declared.length != 0 ? declared[i]
                    : Names.snakeCase(field.getName()) + "_" + Names.snakeCase(component.getName());
            if (options != null && !options.name().isEmpty()) {
                throw new MappingException(where + " is @Composite " + field.getType().getSimpleName() + ", whose"
                        + " component " + component.getName() + " has @Column(name); name a composite's columns"
                        + " with @Composite(columns = {...}) on the field");
            }
            Field previous = owners.putIfAbsent(name, field);
            if (previous != null) {
                throw new MappingException("Fields " + className + "." + previous.getName() + " and " + className
                        + "." + field.getName() + " both map to column '" + name + "' of table " + tableName
                        + "; name the composite's columns with @Composite(columns = {...})");
            }
            columns.add((Column) Schema.column(name, sqlType));
        }
        return columns;
    }
}
