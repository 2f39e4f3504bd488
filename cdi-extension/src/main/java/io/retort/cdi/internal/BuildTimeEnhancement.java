package io.retort.cdi.internal;

import java.util.ServiceLoader;

/**
 * How the build-compatible extension sees mapped classes enhanced where the build enhances them after the extension
 * has run. Quarkus runs the extension during its build, on the classes as compiled, and enhances them afterwards (the
 * {@code quarkus-retort} extension's bytecode transformer, also in dev mode); without this, every mapped class would
 * be refused there as not enhanced. An implementation found by {@link ServiceLoader} on the build's class loader (the
 * {@code quarkus-retort} deployment module has one; nothing at run time has) gives a class loader that loads the
 * {@code @Mapped} classes enhanced, so that the deployment is validated on the classes as they will run.
 */
public interface BuildTimeEnhancement {

    /**
     * A class loader that defines the {@code @Mapped} classes of {@code parent} enhanced, and delegates every other
     * class to {@code parent}.
     */
    ClassLoader enhancingLoader(ClassLoader parent);

    /** The loader to find and validate mapped classes with: an implementation's, else {@code loader} itself. */
    static ClassLoader loaderFor(ClassLoader loader) {
        for (BuildTimeEnhancement enhancement : ServiceLoader.load(BuildTimeEnhancement.class, loader)) {
            return enhancement.enhancingLoader(loader);
        }
        return loader;
    }
}
