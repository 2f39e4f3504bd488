package io.retort.enhancer;

import io.retort.orm.enhance.AttributeHooks;
import io.retort.orm.enhance.Enhanced;
import io.retort.orm.enhance.Enhancement;
import java.util.List;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The Byte Buddy build plugin that enhances mapped classes, as Hibernate's and SQLAlchemy's instrumentation do:
 *
 * <ul>
 *   <li>every {@code @Mapped} class gets a state field and implements {@link Enhanced}, with an accessor per mapped
 *       field that tells the ORM of each read (so expired and lazy attributes load) and each write (so changes are
 *       tracked and both sides of a relationship stay in step), and raw accessors by index for the ORM itself;</li>
 *   <li>in every class of the build, reads and writes of mapped fields ({@code user.name = "x"}, also from other
 *       classes) become calls of those accessors.</li>
 * </ul>
 *
 * <p>With Maven:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>net.bytebuddy</groupId>
 *   <artifactId>byte-buddy-maven-plugin</artifactId>
 *   <version>1.17.8</version>
 *   <executions><execution><goals><goal>transform</goal></goals></execution></executions>
 *   <configuration>
 *     <transformations><transformation><plugin>io.retort.enhancer.RetortEnhancer</plugin></transformation></transformations>
 *   </configuration>
 *   <dependencies><dependency>
 *     <groupId>io.retort</groupId><artifactId>retort-enhancer</artifactId><version>${retort.version}</version>
 *   </dependency></dependencies>
 * </plugin>
 * }</pre>
 *
 * <p>Enhancing is idempotent: a class enhanced before is left as it is.
 */
public final class RetortEnhancer implements Plugin {
    private final MappedFields mapped = MappedFields.cache();

    /** Creates the plugin; Byte Buddy's build plugins call this. */
    public RetortEnhancer() {
    }

    /** Every class may touch mapped fields, so every class is looked at; only {@code @Mapped} ones gain members. */
    @Override
    public boolean matches(TypeDescription target) {
        String name = target.getName();
        return !name.endsWith("package-info") && !name.equals("module-info") && !target.isAnnotation();
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription typeDescription,
            ClassFileLocator classFileLocator) {
        if (MappedFields.isMapped(typeDescription) && MappedFields.isEnhanceable(typeDescription)
                && !MappedFields.isEnhanced(typeDescription)) {
            builder = enhance(builder, typeDescription);
        }
        return builder.visit(new CallSites(mapped));
    }

    private static DynamicType.Builder<?> enhance(DynamicType.Builder<?> builder, TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = MappedFields.of(type);
        TypeDescription mappedSuperclass = MappedFields.mappedSuperclass(type);
        List<FieldDescription.InDefinedShape> inherited = MappedFields.inherited(type);
        int offset = inherited.size();
        String[] names = java.util.stream.Stream.concat(inherited.stream(), fields.stream())
                .map(FieldDescription::getName).toArray(String[]::new);
        builder = builder.annotateType(AnnotationDescription.Builder.ofType(Enhancement.class)
                .define("contract", Enhancement.CONTRACT)
                .defineArray("fields", names)
                .build());
        if (mappedSuperclass == null) {
            builder = builder.defineField(MappedFields.STATE_FIELD, AttributeHooks.class,
                            Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC)
                    .implement(Enhanced.class)
                    .defineMethod(MappedFields.PREFIX + "hooks", AttributeHooks.class, Visibility.PUBLIC)
                    .intercept(Accessors.stateGetter(type))
                    .defineMethod(MappedFields.PREFIX + "hooks", void.class, Visibility.PUBLIC)
                    .withParameters(AttributeHooks.class)
                    .intercept(Accessors.stateSetter(type));
        }
        if (mappedSuperclass == null || !fields.isEmpty()) {
            // A subclass answers for its own fields' indexes and hands the others to its superclass.
            TypeDescription superclass = mappedSuperclass == null ? null : type.getSuperClass().asErasure();
            builder = builder.defineMethod(MappedFields.PREFIX + "get", Object.class, Visibility.PUBLIC)
                    .withParameters(int.class)
                    .intercept(Accessors.rawGet(type, fields, offset, superclass))
                    .defineMethod(MappedFields.PREFIX + "set", void.class, Visibility.PUBLIC)
                    .withParameters(int.class, Object.class)
                    .intercept(Accessors.rawSet(type, fields, offset, superclass));
        }
        boolean subclass = mappedSuperclass != null;
        for (int i = 0; i < fields.size(); i++) {
            FieldDescription.InDefinedShape field = fields.get(i);
            int access = accessOf(field) | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;
            TypeDescription fieldType = field.getType().asErasure();
            builder = builder.defineMethod(CallSites.readerName(field.getName()), fieldType, access)
                    .intercept(Accessors.read(type, field, offset + i, subclass))
                    .defineMethod(CallSites.writerName(field.getName()), void.class, access)
                    .withParameters(fieldType)
                    .intercept(MappedFields.isRelationship(field)
                            ? Accessors.writeRelationship(type, field, offset + i)
                            : Accessors.writeColumn(type, field, offset + i, subclass));
        }
        return builder;
    }

    /** The accessors are as visible as their field, so every call site that could touch the field can call them. */
    private static int accessOf(FieldDescription field) {
        if (field.isPublic()) {
            return Opcodes.ACC_PUBLIC;
        }
        if (field.isProtected()) {
            return Opcodes.ACC_PROTECTED;
        }
        if (field.isPrivate()) {
            return Opcodes.ACC_PRIVATE;
        }
        return 0;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
