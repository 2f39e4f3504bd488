package io.retort.cdi.internal;

import io.retort.engine.DatabaseUrl;
import io.retort.engine.EngineOptions;
import io.retort.exception.ConfigurationException;
import io.retort.exception.RetortException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code retort.*} keys of MicroProfile Config (DESIGN.md section 6). Every value is read as text through
 * {@link Config#getOptionalValue}, so environment variables override as MicroProfile Config specifies
 * ({@code RETORT_POOL_SIZE} for {@code retort.pool.size}, {@code RETORT__REPORTING__URL} for
 * {@code retort."reporting".url}), and parsed here strictly: a value that is not valid is a problem naming the
 * property and the accepted values, never silently read as a default.
 */
public final class SettingsReader {
    /** The keys of one database, after its prefix; {@code connect-args.} is followed by any JDBC property name. */
    public static final List<String> KEYS = List.of("url", "username", "password", "datasource", "echo",
            "pool.size", "pool.max-overflow", "pool.timeout", "pool.recycle", "pool.pre-ping", "pool.leak-detection",
            "pool.idle-timeout", "connect-args.<key>", "schema-generation", "packages", "xa", "expire-on-commit",
            "statement-cache-size",
            // Operations (issue 26): read by readOperations below; health.* also by EngineReadinessCheck at each call.
            "slow-statement-threshold", "n-plus-one", "n-plus-one.threshold", "metrics.enabled", "tracing.enabled",
            "health.enabled", "health.timeout");

    private static final Pattern NAMED_KEY = Pattern.compile("retort\\.\"([^\"]+)\"\\.(.+)");
    private static final Pattern DURATION_WITH_UNIT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final String DURATION_FORMS = "a number of seconds (30), a number with a unit ms, s, m, h or d"
            + " (30s, 500ms, 1h), or an ISO-8601 duration (PT30S)";

    private final Config config;

    /** A reader of {@code config}. */
    public SettingsReader(Config config) {
        this.config = config;
    }

    /** The names of the databases configured with {@code retort."name".*} keys, sorted. */
    public Set<String> configuredNames() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher matcher = NAMED_KEY.matcher(property);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Whether the database of this name has a URL or a DataSource configured. */
    public boolean hasConnection(String name) {
        String prefix = DatabaseSettings.keyPrefix(name);
        return text(prefix + "url").isPresent() || text(prefix + "datasource").isPresent();
    }

    /**
     * The {@code retort.*} keys that are not keys of any database (a misspelt {@code retort.pool.szie}), each with a
     * note listing the keys there are.
     */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String property : new TreeSet<>(toSet(config.getPropertyNames()))) {
            if (!property.startsWith("retort.")) {
                continue;
            }
            Matcher named = NAMED_KEY.matcher(property);
            String key = named.matches() ? named.group(2) : property.substring("retort.".length());
            if (!isKnown(key)) {
                unknown.add(property);
            }
        }
        return unknown;
    }

    private static boolean isKnown(String key) {
        return KEYS.contains(key) || key.startsWith("connect-args.") && key.length() > "connect-args.".length();
    }

    private static Set<String> toSet(Iterable<String> names) {
        Set<String> set = new LinkedHashSet<>();
        names.forEach(set::add);
        return set;
    }

    /**
     * Reads the settings of one database.
     *
     * @param name the database's name, empty for the default one
     * @param problems receives one exception per invalid or missing value, naming the property
     * @return the settings, or null when some value was invalid
     */
    public @Nullable DatabaseSettings read(String name, Consumer<ConfigurationException> problems) {
        String prefix = DatabaseSettings.keyPrefix(name);
        List<ConfigurationException> found = new ArrayList<>();
        Optional<String> urlText = text(prefix + "url");
        Optional<String> datasource = text(prefix + "datasource");
        Optional<String> username = text(prefix + "username");
        Optional<String> password = text(prefix + "password");
        DatabaseUrl url = null;
        if (urlText.isPresent() && datasource.isPresent()) {
            found.add(new ConfigurationException("Both " + prefix + "url and " + prefix + "datasource are set for the"
                    + " database " + DatabaseSettings.description(name) + "; set only one of them"));
        } else if (urlText.isPresent()) {
            try {
                url = DatabaseUrl.parse(urlText.get());
                if (username.isPresent() || password.isPresent()) {
                    url = url.withCredentials(username.orElse(url.username()), password.orElse(url.password()));
                }
            } catch (RetortException e) {
                found.add(new ConfigurationException(prefix + "url is not a valid database URL: " + e.getMessage(),
                        e));
            }
        } else if (datasource.isEmpty()) {
            found.add(new ConfigurationException("The database " + DatabaseSettings.description(name)
                    + " has no URL: set " + prefix + "url (e.g. " + prefix
                    + "url=postgresql://user:password@localhost:5432/app, or sqlite:///app.db), or set " + prefix
                    + "datasource to the name of a container DataSource. As an environment variable: "
                    + environmentName(prefix + "url") + "."));
        }

        EngineOptions.Builder options = EngineOptions.builder();
        apply(found, () -> bool(prefix + "echo").ifPresent(options::echo));
        apply(found, () -> integer(prefix + "pool.size", 1).ifPresent(options::poolSize));
        apply(found, () -> integer(prefix + "pool.max-overflow", 0).ifPresent(options::maxOverflow));
        apply(found, () -> duration(prefix + "pool.timeout").ifPresent(timeout -> {
            if (timeout.isZero() || timeout.isNegative()) {
                throw invalid(prefix + "pool.timeout", timeout.toString(), "a positive duration: " + DURATION_FORMS);
            }
            options.poolTimeout(timeout);
        }));
        apply(found, () -> duration(prefix + "pool.recycle").ifPresent(options::poolRecycle));
        apply(found, () -> bool(prefix + "pool.pre-ping").ifPresent(options::poolPrePing));
        apply(found, () -> bool(prefix + "pool.leak-detection").ifPresent(options::poolLeakDetection));
        apply(found, () -> duration(prefix + "pool.idle-timeout").ifPresent(idle -> {
            if (idle.isZero() || idle.isNegative()) {
                throw invalid(prefix + "pool.idle-timeout", idle.toString(), "a positive duration: " + DURATION_FORMS);
            }
            options.poolIdleTimeout(idle);
        }));
        apply(found, () -> integer(prefix + "statement-cache-size", 0).ifPresent(options::statementCacheSize));
        String argsPrefix = prefix + "connect-args.";
        TreeMap<String, String> connectArgs = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(argsPrefix) && property.length() > argsPrefix.length()) {
                text(property).ifPresent(value -> connectArgs.put(property.substring(argsPrefix.length()), value));
            }
        }
        if (url != null && url.isJdbc()) {
            // A jdbc: URL is passed to the driver unchanged, so its credentials travel as connection properties.
            username.ifPresent(user -> connectArgs.putIfAbsent("user", user));
            password.ifPresent(secret -> connectArgs.putIfAbsent("password", secret));
        }
        apply(found, () -> options.connectArgs(connectArgs));

        SchemaGeneration[] schema = {SchemaGeneration.NONE};
        apply(found, () -> text(prefix + "schema-generation")
                .ifPresent(value -> schema[0] = SchemaGeneration.parse(prefix + "schema-generation", value)));
        List<String> packages = packages(prefix, found);

        boolean[] xa = {false};
        apply(found, () -> bool(prefix + "xa").ifPresent(value -> xa[0] = value));
        apply(found, () -> bool(prefix + "expire-on-commit")); // validated here, read by the SessionFactory bean
        readOperations(name, options, found);

        found.forEach(problems);
        if (!found.isEmpty()) {
            return null;
        }
        return new DatabaseSettings(name, url, datasource.orElse(null), options.build(), schema[0], packages, xa[0]);
    }

    /**
     * Reads only what a build must fix of one database: which packages' mapped classes belong to it. Used where the
     * container plans the deployment at build time (Quarkus), so that the URL, credentials and pool settings are read
     * when the application starts and one build runs against any database.
     *
     * @param name the database's name, empty for the default one
     * @param problems receives one exception per invalid value, naming the property
     * @return the settings with only the packages set (no URL, default options), or null when they were invalid
     */
    public @Nullable DatabaseSettings readAssignment(String name, Consumer<ConfigurationException> problems) {
        List<ConfigurationException> found = new ArrayList<>();
        List<String> packages = packages(DatabaseSettings.keyPrefix(name), found);
        found.forEach(problems);
        if (!found.isEmpty()) {
            return null;
        }
        return new DatabaseSettings(name, null, null, EngineOptions.builder().build(), SchemaGeneration.NONE,
                packages, false);
    }

    private List<String> packages(String prefix, List<ConfigurationException> found) {
        List<String> packages = new ArrayList<>();
        apply(found, () -> config.getOptionalValues(prefix + "packages", String.class).ifPresent(values -> {
            for (String value : values) {
                String pkg = value.strip();
                if (!pkg.matches("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                        + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*")) {
                    throw invalid(prefix + "packages", value, "a comma-separated list of Java package names, e.g."
                            + " com.acme.reporting,com.acme.audit");
                }
                packages.add(pkg);
            }
        }));
        return packages;
    }

    /**
     * The operational keys: slow-statement threshold, N+1 detection, and OpenTelemetry metrics and tracing, which
     * are on by default when the OpenTelemetry API is on the class path (and off, with no error, when it is not).
     * {@code health.*} is only validated here; the readiness check reads it again, the same way, when it runs.
     */
    private void readOperations(String name, EngineOptions.Builder options, List<ConfigurationException> found) {
        String prefix = DatabaseSettings.keyPrefix(name);
        apply(found, () -> duration(prefix + "slow-statement-threshold").ifPresent(options::slowStatementThreshold));
        apply(found, () -> text(prefix + "n-plus-one").ifPresent(value -> {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "warn":
                    options.nPlusOne(io.retort.engine.NPlusOneMode.WARN);
                    break;
                case "raise":
                    options.nPlusOne(io.retort.engine.NPlusOneMode.RAISE);
                    break;
                case "off":
                    options.nPlusOne(io.retort.engine.NPlusOneMode.OFF);
                    break;
                default:
                    throw invalid(prefix + "n-plus-one", value, "warn, raise or off");
            }
        }));
        apply(found, () -> integer(prefix + "n-plus-one.threshold", 1).ifPresent(options::nPlusOneThreshold));
        boolean telemetry = TelemetrySupport.onClassPath();
        apply(found, () -> options.metrics(bool(prefix + "metrics.enabled").orElse(telemetry)));
        apply(found, () -> options.tracing(bool(prefix + "tracing.enabled").orElse(telemetry)));
        apply(found, () -> healthEnabled(name));
        apply(found, () -> healthTimeout(name));
    }

    /**
     * {@code retort.health.enabled} of the database {@code name} (default true): whether its readiness check
     * connects. Read by the check at each call, and validated at start.
     *
     * @throws ConfigurationException naming the property when the value is neither true nor false
     */
    public boolean healthEnabled(String name) {
        return bool(DatabaseSettings.keyPrefix(name) + "health.enabled").orElse(true);
    }

    /**
     * {@code retort.health.timeout} of the database {@code name}, if set: how long its readiness check may
     * take. Read by the check at each call, and validated at start.
     *
     * @throws ConfigurationException naming the property when the value is not a positive duration
     */
    public Optional<Duration> healthTimeout(String name) {
        String prefix = DatabaseSettings.keyPrefix(name);
        return duration(prefix + "health.timeout").map(timeout -> {
            if (timeout.isZero() || timeout.isNegative()) {
                throw invalid(prefix + "health.timeout", timeout.toString(), "a positive duration: " + DURATION_FORMS);
            }
            return timeout;
        });
    }

    private static void apply(List<ConfigurationException> found, Runnable step) {
        try {
            step.run();
        } catch (ConfigurationException e) {
            found.add(e);
        } catch (RuntimeException e) {
            String message = e.getMessage();
            found.add(new ConfigurationException(message != null ? message : e.toString(), e));
        }
    }

    /** The value of a property, stripped; absent when unset or blank. */
    private Optional<String> text(String property) {
        return config.getOptionalValue(property, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * {@code retort.expire-on-commit} of a database (default true): whether its sessions' {@code commit()} expires
     * their objects, as SQLAlchemy's {@code expire_on_commit}. Read when the SessionFactory bean is created.
     *
     * @throws ConfigurationException naming the property when the value is neither true nor false
     */
    public boolean expireOnCommit(String name) {
        return bool(DatabaseSettings.keyPrefix(name) + "expire-on-commit").orElse(true);
    }

    private Optional<Boolean> bool(String property) {
        return text(property).map(value -> {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw invalid(property, value, "true or false");
            }
        });
    }

    private Optional<Integer> integer(String property, int minimum) {
        return text(property).map(value -> {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(property, value, "a whole number of " + minimum + " or more");
            }
            if (number < minimum) {
                throw invalid(property, value, "a whole number of " + minimum + " or more");
            }
            return number;
        });
    }

    private Optional<Duration> duration(String property) {
        return text(property).map(value -> parseDuration(property, value));
    }

    /**
     * Parses a duration given as seconds ({@code 30}, {@code -1}), a number with a unit ({@code 30s}, {@code 500ms},
     * {@code 5m}, {@code 1h}, {@code 1d}) or ISO-8601 ({@code PT30S}).
     *
     * @throws ConfigurationException naming the property and the accepted forms
     */
    public static Duration parseDuration(String property, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                return seconds(new BigDecimal(text));
            }
            Matcher unit = DURATION_WITH_UNIT.matcher(text);
            if (unit.matches()) {
                BigDecimal amount = new BigDecimal(unit.group(1));
                switch (unit.group(2)) {
                    case "ms":
                        return Duration.ofNanos(amount.movePointRight(6).longValueExact());
                    case "s":
                        return seconds(amount);
                    case "m":
                        return seconds(amount.multiply(BigDecimal.valueOf(60)));
                    case "h":
                        return seconds(amount.multiply(BigDecimal.valueOf(3600)));
                    default:
                        return seconds(amount.multiply(BigDecimal.valueOf(86400)));
                }
            }
            if (text.startsWith("p") || text.startsWith("-p")) {
                return Duration.parse(value.strip());
            }
        } catch (ArithmeticException | DateTimeParseException e) {
            // falls through to the error below
        }
        throw invalid(property, value, DURATION_FORMS);
    }

    private static Duration seconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    }

    private static ConfigurationException invalid(String property, String value, String accepted) {
        return new ConfigurationException(property + " has the invalid value '" + value + "'; expected " + accepted);
    }

    /** The environment variable MicroProfile Config maps to a property: {@code RETORT__REPORTING__URL}. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
