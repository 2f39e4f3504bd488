package io.retort.quarkus.deployment;

import io.retort.cdi.internal.BuildTimeEnhancement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.jspecify.annotations.Nullable;

/**
 * A class loader for Quarkus's build time, where Retort's build-compatible extension plans the deployment on the
 * classes as compiled, before this extension's transformer enhances them: it defines each {@code @Mapped} class of
 * its parent enhanced, and leaves every other class to the parent. Retort's extension loads the mapped classes
 * through it ({@link BuildTimeEnhancement}), so that the build validates their mapping as they will run, instead of
 * refusing them as not enhanced.
 */
final class EnhancingClassLoader extends ClassLoader {
    private static final byte[] MAPPED = "Lio/retort/orm/Mapped;".getBytes(StandardCharsets.UTF_8);

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader source;
    private final Enhancing enhancing;

    EnhancingClassLoader(ClassLoader parent) {
        super("retort-build-time-enhancement", parent);
        this.source = parent;
        this.enhancing = new Enhancing(ClassFileLocator.ForClassLoader.of(parent));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] mapped = mappedClass(name);
                loaded = mapped == null ? super.loadClass(name, false) : define(name, mapped);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name, byte[] bytes) {
        byte[] enhanced = enhancing.apply(name, bytes);
        return defineClass(name, enhanced, 0, enhanced.length);
    }

    /** The class file of a class of the parent that names {@code @Mapped}, or null. */
    private byte @Nullable [] mappedClass(String name) {
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("io.retort.orm.")) {
            return null;
        }
        try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return contains(bytes, MAPPED) ? bytes : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the class file of " + name, e);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Found by Retort's build-compatible extension through {@link java.util.ServiceLoader}, at build time only. */
    public static final class Provider implements BuildTimeEnhancement {
        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public ClassLoader enhancingLoader(ClassLoader parent) {
            return new EnhancingClassLoader(parent);
        }
    }
}
