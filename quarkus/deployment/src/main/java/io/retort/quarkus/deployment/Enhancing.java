package io.retort.quarkus.deployment;

import io.retort.enhancer.RetortEnhancer;
import java.util.function.BiFunction;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.pool.TypePool;

/**
 * Applies Retort's enhancer ({@link RetortEnhancer}, the Byte Buddy plugin that {@code byte-buddy-maven-plugin} runs)
 * to the bytes of one class, as Byte Buddy's build engine does: the class is described from the bytes given, every
 * other class (the owners of the fields it touches, their superclasses) from {@code others}. One instance serves one
 * build: the enhancer caches what it learnt of each owner's mapped fields.
 */
final class Enhancing implements BiFunction<String, byte[], byte[]> {
    private final RetortEnhancer enhancer = new RetortEnhancer();
    private final ClassFileLocator others;
    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);

    Enhancing(ClassFileLocator others) {
        this.others = others;
    }

    /** The class enhanced, or the same bytes when it is nothing to the enhancer. */
    @Override
    public byte[] apply(String className, byte[] bytes) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(className, bytes), others);
        TypePool pool = TypePool.Default.of(locator);
        TypeDescription type = pool.describe(className).resolve();
        if (!enhancer.matches(type)) {
            return bytes;
        }
        // Redefined, not rebased: the enhancer only adds members and rewrites field instructions, renaming nothing.
        DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator);
        try (DynamicType.Unloaded<?> enhanced = enhancer.apply(builder, type, locator)
                .make(TypeResolutionStrategy.Disabled.INSTANCE, pool)) {
            return enhanced.getBytes();
        }
    }
}
