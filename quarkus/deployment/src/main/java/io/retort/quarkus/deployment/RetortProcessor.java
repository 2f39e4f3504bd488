package io.retort.quarkus.deployment;

import io.quarkus.deployment.ApplicationArchive;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.BytecodeTransformerBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.retort.cdi.Database;
import io.retort.orm.Mapped;
import io.retort.quarkus.RetortFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

/**
 * The build steps of {@code quarkus-retort}. Everything Retort deploys still comes from {@code retort-cdi}'s
 * build-compatible extension, which ArC runs; these steps add what only a Quarkus extension can do.
 */
public final class RetortProcessor {
    private static final Logger LOG = Logger.getLogger("io.retort.quarkus");
    private static final DotName MAPPED = DotName.createSimple(Mapped.class.getName());

    /** Lists {@code retort} among the installed features. */
    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(RetortFeature.NAME);
    }

    /**
     * ArC takes an annotation for a qualifier only if it is in the index, and {@code retort-cdi} has no index of its
     * own: without this, {@code @Database("name")} injection points and beans would not be told apart from the
     * default database's.
     */
    @BuildStep
    AdditionalIndexedClassesBuildItem indexDatabaseQualifier() {
        return new AdditionalIndexedClassesBuildItem(Database.class.getName());
    }

    /**
     * Enhances the {@code @Mapped} classes, and rewrites the reads and writes of their fields in every class of the
     * application, as {@code retort-enhancer} does when {@code byte-buddy-maven-plugin} runs it. Quarkus applies the
     * transformation when it builds the application and again to every class that dev mode recompiles, so that an
     * edited entity is enhanced like the others. A class already enhanced (by the Maven plugin) is left as it is.
     * Only classes that name a mapped class in their constant pool are read at all.
     */
    @BuildStep
    void enhanceMappedClasses(CombinedIndexBuildItem combined, ApplicationArchivesBuildItem archives,
            BuildProducer<BytecodeTransformerBuildItem> transformers) {
        IndexView index = combined.getIndex();
        Set<String> mapped = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(MAPPED)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo type = annotation.target().asClass();
                mapped.add(type.name().toString());
                for (ClassInfo subclass : index.getAllKnownSubclasses(type.name())) {
                    mapped.add(subclass.name().toString());
                }
            }
        }
        if (mapped.isEmpty()) {
            return;
        }
        Set<String> internalNames = new TreeSet<>();
        mapped.forEach(name -> internalNames.add(name.replace('.', '/')));
        Enhancing enhancing = new Enhancing(locator(archives));
        Set<String> transformed = new TreeSet<>(mapped);
        for (String name : mapped) {
            transformers.produce(new BytecodeTransformerBuildItem.Builder().setClassToTransform(name)
                    .setInputTransformer(enhancing).build());
        }
        for (ApplicationArchive archive : archives.getAllApplicationArchives()) {
            for (ClassInfo type : archive.getIndex().getKnownClasses()) {
                String name = type.name().toString();
                if (transformed.add(name)) {
                    transformers.produce(new BytecodeTransformerBuildItem.Builder().setClassToTransform(name)
                            .setRequireConstPoolEntry(internalNames).setInputTransformer(enhancing).build());
                }
            }
        }
    }

    /**
     * Where the enhancer reads the classes it needs besides the one it enhances: the application's directories first
     * (in dev mode they hold what was just recompiled), then the build's class loader.
     */
    private static ClassFileLocator locator(ApplicationArchivesBuildItem archives) {
        List<ClassFileLocator> locators = new ArrayList<>();
        for (ApplicationArchive archive : archives.getAllApplicationArchives()) {
            for (Path path : archive.getResolvedPaths()) {
                // A directory on disk (jars, and directories inside them, are read through the class loader).
                if (path.getFileSystem() == java.nio.file.FileSystems.getDefault() && Files.isDirectory(path)) {
                    locators.add(new ClassFileLocator.ForFolder(path.toFile()));
                }
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        locators.add(ClassFileLocator.ForClassLoader.of(loader != null ? loader : RetortProcessor.class
                .getClassLoader()));
        return new ClassFileLocator.Compound(locators);
    }

    /**
     * In dev mode, as Quarkus's Dev Services do for a datasource: when the default database has no
     * {@code retort.url} and no {@code retort.datasource}, it is an embedded in-memory database (H2, else SQLite,
     * whichever driver the application has), new at every restart, with {@code retort.schema-generation=create}
     * unless that is set. Only dev mode reads the database keys here; a normal build reads none (one build runs
     * against any database).
     */
    @BuildStep
    void devDatabase(LaunchModeBuildItem launchMode, BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults) {
        if (launchMode.getLaunchMode() != LaunchMode.DEVELOPMENT) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue("retort.url", String.class).isPresent()
                || config.getOptionalValue("retort.datasource", String.class).isPresent()) {
            return;
        }
        String url;
        String restart = Long.toString(System.nanoTime(), 36);
        if (present("org.h2.Driver")) {
            url = "h2:mem:retort-dev-" + restart + ";DB_CLOSE_DELAY=-1";
        } else if (present("org.sqlite.JDBC")) {
            url = "sqlite:///file:retort-dev-" + restart + "?mode=memory&cache=shared";
        } else {
            LOG.info("retort.url is not set, and dev mode found no embedded database driver to start one with: add"
                    + " com.h2database:h2 (or org.xerial:sqlite-jdbc), or set retort.url");
            return;
        }
        defaults.produce(new RunTimeConfigurationDefaultBuildItem("retort.url", url));
        if (config.getOptionalValue("retort.schema-generation", String.class).isEmpty()) {
            defaults.produce(new RunTimeConfigurationDefaultBuildItem("retort.schema-generation", "create"));
        }
        LOG.infof("retort.url is not set: dev mode runs the default database in memory, %s (set retort.url to use"
                + " another)", url);
    }

    private static boolean present(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(className, false, loader != null ? loader : RetortProcessor.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
