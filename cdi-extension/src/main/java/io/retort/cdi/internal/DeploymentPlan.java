package io.retort.cdi.internal;

import io.retort.exception.ConfigurationException;
import io.retort.exception.MappingException;
import io.retort.exception.RetortException;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

/**
 * What the extensions deploy, decided once from the configuration and the discovered classes, and shared by the
 * portable and the build-compatible extension:
 *
 * <ul>
 *   <li><b>Databases.</b> One per name of a {@code retort."name".*} key or a {@code @Database("name")} injection
 *       point, and the default one unless named databases are configured and nothing needs the default one (no
 *       {@code retort.url}, no {@code retort.datasource}, no default injection point, no mapped class left for it;
 *       at build time, where the URL is not read, only the last two count).
 *       </li>
 *   <li><b>Mapped classes.</b> Those the container discovered ({@code ProcessAnnotatedType}, {@code @Enhancement})
 *       plus those found in the packages each database lists ({@link MappedClassScanner}). Each belongs to the
 *       database whose {@code packages} holds it most specifically; the others belong to the default database when
 *       it lists no packages itself.</li>
 *   <li><b>Validation.</b> Every configuration error, and the mapping of every class, each as its own problem, so
 *       that one failed start reports them all.</li>
 * </ul>
 */
public final class DeploymentPlan {
    private static final System.Logger LOG = System.getLogger("io.retort.cdi");

    /**
     * One database to deploy.
     *
     * @param settings its configuration
     * @param registry its mapped classes, validated
     */
    public record Unit(DatabaseSettings settings, Registry registry) {

        /** The database's name, empty for the default one. */
        public String name() {
            return settings.name();
        }
    }

    private final List<Unit> units;
    private final List<ConfigurationException> problems;
    private final String defaultDatabaseReason;

    private DeploymentPlan(List<Unit> units, List<ConfigurationException> problems, String defaultDatabaseReason) {
        this.units = List.copyOf(units);
        this.problems = List.copyOf(problems);
        this.defaultDatabaseReason = defaultDatabaseReason;
    }

    /**
     * Plans the deployment.
     *
     * @param config the application's configuration
     * @param discovered the mapped classes the container showed the extension
     * @param injectedNames the database names of Retort injection points ({@code ""} for the default one)
     * @param loader the class loader to scan configured packages with
     */
    public static DeploymentPlan create(Config config, Collection<Class<?>> discovered, Set<String> injectedNames,
            ClassLoader loader) {
        return create(config, discovered, injectedNames, loader, false);
    }

    /**
     * Plans the deployment.
     *
     * @param config the application's configuration
     * @param discovered the mapped classes the container showed the extension
     * @param injectedNames the database names of Retort injection points ({@code ""} for the default one)
     * @param loader the class loader to scan configured packages with
     * @param atBuild whether the plan is made at build time (Quarkus): then only each database's {@code packages} is
     *        read, and the units' settings hold nothing else; URL, credentials and pool are read when the engine
     *        starts
     */
    public static DeploymentPlan create(Config config, Collection<Class<?>> discovered, Set<String> injectedNames,
            ClassLoader loader, boolean atBuild) {
        SettingsReader configured = new SettingsReader(config);
        Reader reader = new Reader(configured, atBuild);
        List<ConfigurationException> problems = new ArrayList<>();
        for (String unknown : reader.unknownKeys()) {
            LOG.log(System.Logger.Level.WARNING, "Unknown configuration key {0} is ignored; the keys of a database "
                    + "are retort.<key> and retort.\"name\".<key> with <key> one of {1}", unknown,
                    SettingsReader.KEYS);
        }

        Set<String> names = new TreeSet<>(reader.configuredNames());
        for (String name : injectedNames) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        Map<String, DatabaseSettings> settings = new LinkedHashMap<>();
        for (String name : names) {
            DatabaseSettings read = reader.read(name, problems::add);
            if (read != null) {
                settings.put(name, read);
            }
        }

        // The default database's packages decide which classes it takes, so read it before assigning classes.
        boolean defaultWanted = names.isEmpty() || reader.hasConnection("") || injectedNames.contains("");
        DatabaseSettings defaults = null;
        if (defaultWanted) {
            defaults = reader.read("", problems::add);
        }

        Set<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        classes.addAll(discovered);
        List<DatabaseSettings> all = new ArrayList<>(settings.values());
        if (defaults != null) {
            all.add(defaults);
        }
        for (DatabaseSettings database : all) {
            for (String pkg : database.packages()) {
                Set<Class<?>> found = MappedClassScanner.scan(loader, pkg, database.keyPrefix() + "packages");
                if (found.isEmpty() && discovered.stream().noneMatch(c -> inPackage(c, pkg))) {
                    LOG.log(System.Logger.Level.WARNING, "{0}packages names {1}, which holds no @Mapped class",
                            database.keyPrefix(), pkg);
                }
                classes.addAll(found);
            }
        }

        Map<String, List<Class<?>>> assigned = new LinkedHashMap<>();
        List<Class<?>> withoutDatabase = new ArrayList<>();
        List<Class<?>> unassigned = new ArrayList<>();
        for (Class<?> type : classes) {
            DatabaseSettings owner = owner(type, all);
            if (owner == null && defaults != null && defaults.packages().isEmpty()) {
                owner = defaults;
            }
            if (owner != null) {
                assigned.computeIfAbsent(owner.name(), k -> new ArrayList<>()).add(type);
            } else if (!defaultWanted) {
                withoutDatabase.add(type);
            } else {
                unassigned.add(type);
            }
        }
        String reason = "";
        if (!withoutDatabase.isEmpty()) {
            // Only named databases are configured, and these classes are in none of their packages.
            List<Class<?>> orphans = withoutDatabase;
            reason = " It is needed because the mapped classes " + names(orphans) + " are in the packages of no"
                    + " named database; or add their packages to retort.\"name\".packages.";
            String because = reason;
            defaults = reader.read("", problem -> problems.add(new ConfigurationException(problem.getMessage()
                    + because, problem)));
            if (defaults != null && defaults.packages().isEmpty()) {
                assigned.put("", orphans);
            } else if (defaults != null) {
                unassigned.addAll(orphans);
            }
        }
        if (!unassigned.isEmpty() && problems.isEmpty()) {
            // With problems, a database whose settings were invalid is missing here: the warning would mislead.
            LOG.log(System.Logger.Level.WARNING, "The mapped classes {0} are in the packages of no database, so no "
                    + "Registry lists them and no schema generation or validation covers them; add their packages to"
                    + " retort.packages or retort.\"name\".packages", names(unassigned));
        }

        List<Unit> units = new ArrayList<>();
        List<DatabaseSettings> deployed = new ArrayList<>(settings.values());
        if (defaults != null) {
            deployed.add(0, defaults);
        }
        for (DatabaseSettings database : deployed) {
            Registry registry = validate(assigned.getOrDefault(database.name(), List.of()), problems);
            if (registry != null) {
                units.add(new Unit(database, registry));
            }
        }
        return new DeploymentPlan(units, problems, reason);
    }

    /** Reads all of a database's settings, or at build time only what the build fixes. */
    private record Reader(SettingsReader settings, boolean atBuild) {
        @Nullable DatabaseSettings read(String name, java.util.function.Consumer<ConfigurationException> problems) {
            return atBuild ? settings.readAssignment(name, problems) : settings.read(name, problems);
        }

        Set<String> configuredNames() {
            return settings.configuredNames();
        }

        /**
         * Whether the database's {@code url} or {@code datasource} is set. At build time neither is read (one build
         * runs against any database), so there the answer is no: a default database that only named databases
         * leave unused is then deployed only when a bean injects it or a mapped class is left for it.
         */
        boolean hasConnection(String name) {
            return !atBuild && settings.hasConnection(name);
        }

        List<String> unknownKeys() {
            return settings.unknownKeys();
        }
    }

    /** The database whose packages hold the class most specifically, or null. */
    private static @Nullable DatabaseSettings owner(Class<?> type, List<DatabaseSettings> databases) {
        DatabaseSettings best = null;
        int bestLength = -1;
        for (DatabaseSettings database : databases) {
            for (String pkg : database.packages()) {
                if (inPackage(type, pkg) && pkg.length() > bestLength) {
                    best = database;
                    bestLength = pkg.length();
                }
            }
        }
        return best;
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }

    private static boolean inPackage(Class<?> type, String pkg) {
        String name = type.getPackageName();
        return name.equals(pkg) || name.startsWith(pkg + ".");
    }

    /** Builds each class's mapping on its own, so that every invalid class is reported, then the registry. */
    private static @Nullable Registry validate(List<Class<?>> classes, List<ConfigurationException> problems) {
        boolean valid = true;
        for (Class<?> type : classes) {
            try {
                Orm.mapping(type);
            } catch (MappingException e) {
                problems.add(e);
                valid = false;
            } catch (RetortException e) {
                problems.add(new MappingException("The mapped class " + type.getName() + " cannot be mapped: "
                        + e.getMessage()));
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        try {
            return Registry.of(classes);
        } catch (ConfigurationException e) {
            problems.add(e);
        } catch (RetortException e) {
            String message = e.getMessage();
            problems.add(new MappingException(message != null ? message : e.toString()));
        }
        return null;
    }

    /** The databases to deploy, the default one first; empty of a database whose mapping failed. */
    public List<Unit> units() {
        return units;
    }

    /**
     * Why the default database is deployed, to add to an error about its settings, or empty: at build time its URL
     * is not read, so its problems are found at start, where this plan is gone.
     */
    public String defaultDatabaseReason() {
        return defaultDatabaseReason;
    }

    /** Every configuration and mapping problem; the deployment fails if there is any. */
    public List<ConfigurationException> problems() {
        return problems;
    }
}
