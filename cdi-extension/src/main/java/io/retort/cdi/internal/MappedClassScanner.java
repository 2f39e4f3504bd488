package io.retort.cdi.internal;

import io.retort.exception.ConfigurationException;
import io.retort.orm.Mapped;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@link Mapped} classes of a package and its subpackages on a class loader, in directories and jar files.
 * This is how mapped classes are found in bean archives with {@code bean-discovery-mode="annotated"} (an empty
 * {@code beans.xml}), where the container never shows the extension a class without a bean-defining annotation:
 * the packages named by {@code retort.packages} and {@code retort."name".packages} are scanned.
 *
 * <p>{@link #scanArchive} scans a whole archive instead: the portable extension uses it where nothing names the
 * packages, on the archives of the beans that inject Retort types. There only classes whose class file names the
 * {@code @Mapped} annotation are loaded.
 *
 * <p>Classes are loaded without being initialized.
 */
public final class MappedClassScanner {
    private static final System.Logger LOG = System.getLogger("io.retort.cdi");

    private MappedClassScanner() {
    }

    /**
     * The mapped classes of {@code packageName} and its subpackages, sorted by name; {@code key} is the configuration
     * key that named the package ({@code retort.packages} or {@code retort."name".packages}), for messages.
     */
    public static Set<Class<?>> scan(ClassLoader loader, String packageName, String key) {
        Set<String> classNames = new TreeSet<>();
        String path = packageName.replace('.', '/');
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                collect(roots.nextElement(), path, classNames);
            }
        } catch (IOException e) {
            throw new ConfigurationException("Could not list the classes of the package " + packageName + " named in "
                    + key + " (" + e + "): check that the class path entries holding it are readable", e);
        }
        Set<Class<?>> mapped = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (String className : classNames) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // e.g. a class whose optional dependency is missing: it cannot be mapped anyway
            }
            if (type.isAnnotationPresent(Mapped.class)) {
                mapped.add(type);
            }
        }
        return mapped;
    }

    /**
     * The mapped classes of one bean archive, a directory or a jar file as a {@code CodeSource} names it, sorted by
     * name; empty if it has no {@code META-INF/beans.xml} (then it is no bean archive, but e.g. the classes a Weld SE
     * container was given one by one). Only classes whose class file mentions {@code Lio/retort/orm/Mapped;} are
     * loaded.
     */
    public static Set<Class<?>> scanArchive(ClassLoader loader, URL archive) {
        Set<String> classNames = new TreeSet<>();
        try {
            Path path = toPath(archive);
            if (Files.isDirectory(path)) {
                if (!Files.isRegularFile(path.resolve("META-INF/beans.xml"))) {
                    return Set.of();
                }
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (file.toString().endsWith(".class") && mentionsMapped(Files.readAllBytes(file))) {
                            addClassName(path.relativize(file).toString()
                                    .replace(file.getFileSystem().getSeparator(), "/"), classNames);
                        }
                    }
                }
            } else if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry("META-INF/beans.xml") == null) {
                        return Set.of();
                    }
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                            try (var in = jar.getInputStream(entry)) {
                                if (mentionsMapped(in.readAllBytes())) {
                                    addClassName(entry.getName(), classNames);
                                }
                            }
                        }
                    }
                }
            } else {
                LOG.log(System.Logger.Level.WARNING, "Cannot list the classes of the bean archive {0}: name the"
                        + " packages of its @Mapped classes in retort.packages (retort.\"name\".packages for a named"
                        + " database)", archive);
            }
        } catch (IOException e) {
            throw new ConfigurationException("Could not list the classes of the bean archive " + archive + " to find"
                    + " its @Mapped classes (" + e + "): repair the archive, or name the packages of its mapped"
                    + " classes in retort.packages (retort.\"name\".packages for a named database), which skips this"
                    + " search", e);
        }
        Set<Class<?>> mapped = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (String className : classNames) {
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (type.isAnnotationPresent(Mapped.class)) {
                    mapped.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible to this loader, or its dependencies are missing: it cannot be mapped anyway
            }
        }
        return mapped;
    }

    private static final byte[] MAPPED_DESCRIPTOR = ("L" + Mapped.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.UTF_8);

    /** Whether the class file's constant pool holds the descriptor of {@code @Mapped}. */
    static boolean mentionsMapped(byte[] classFile) {
        outer:
        for (int i = 0; i <= classFile.length - MAPPED_DESCRIPTOR.length; i++) {
            for (int j = 0; j < MAPPED_DESCRIPTOR.length; j++) {
                if (classFile[i + j] != MAPPED_DESCRIPTOR[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void collect(URL root, String path, Set<String> classNames) throws IOException {
        switch (root.getProtocol()) {
            case "file":
                collectDirectory(toPath(root), path, classNames);
                break;
            default:
                URLConnection connection = root.openConnection();
                if (connection instanceof JarURLConnection) {
                    connection.setUseCaches(false);
                    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                        collectJar(jar, path, classNames);
                    }
                } else {
                    LOG.log(System.Logger.Level.WARNING, "Cannot list the classes of package {0} at {1}: give the"
                            + " archive bean-discovery-mode=\"all\" so that the container shows its @Mapped classes"
                            + " to Retort", path.replace('/', '.'), root);
                }
                break;
        }
    }

    private static Path toPath(URL url) {
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Paths.get(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
        }
    }

    private static void collectDirectory(Path directory, String path, Set<String> classNames) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Path base = directory;
        for (int i = 0; i < path.split("/").length; i++) {
            Path parent = base.getParent();
            if (parent == null) {
                throw new IOException(directory + " should end with the resource path " + path + ", but it is shorter");
            }
            base = parent;
        }
        Path root = base;
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                addClassName(relative, classNames);
            });
        }
    }

    private static void collectJar(JarFile jar, String path, Set<String> classNames) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
                addClassName(entry, classNames);
            }
        }
    }

    private static void addClassName(String resource, Set<String> classNames) {
        String name = resource.substring(0, resource.length() - ".class".length());
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return;
        }
        classNames.add(name.replace('/', '.'));
    }
}
