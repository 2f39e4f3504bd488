package io.retort.testing;

import io.retort.engine.Engine;
import io.retort.engine.EngineOptions;
import io.retort.orm.Registry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes engines on the current test's database; every engine made here is closed after the test, and the test fails
 * if one still has connections checked out.
 */
public final class TestEngines {
    private final TestDatabase database;
    private final String url;
    private final List<Engine> engines = new ArrayList<>();
    private @Nullable Engine defaultEngine;

    TestEngines(TestDatabase database, String url) {
        this.database = database;
        this.url = url;
    }

    /** The database of this run. */
    public TestDatabase database() {
        return database;
    }

    /** The URL of this run's database (for SQLite and H2 each call to {@link #create} shares it). */
    public String url() {
        return url;
    }

    /** The engine with default options that {@code Engine} parameters receive. */
    public Engine engine() {
        if (defaultEngine == null) {
            defaultEngine = create(EngineOptions.defaults());
        }
        return defaultEngine;
    }

    /**
     * A new engine on this run's database. For SQLite this is a file database in a temporary directory, so that
     * two engines see the same data.
     */
    public Engine create(EngineOptions options) {
        Engine engine = Engine.create(url, options);
        engines.add(engine);
        return engine;
    }

    /**
     * The ORM tests' setup: creates the tables of {@code mappedClasses} on this run's database and returns their
     * registry. Nothing needs dropping afterwards: every test gets an empty database (a new SQLite file or H2
     * database, a server database emptied before the test).
     */
    public Registry mapped(Class<?>... mappedClasses) {
        Registry registry = Registry.of(mappedClasses);
        registry.createAll(engine());
        return registry;
    }

    /** Closes every engine; returns a description of leaked connections, or null. */
    @Nullable String closeAll() {
        StringBuilder leaks = new StringBuilder();
        for (Engine engine : engines) {
            int checkedOut = engine.poolStatus().checkedOut();
            if (checkedOut > 0) {
                leaks.append(checkedOut).append(" connection(s) of ").append(engine).append(' ');
            }
            engine.close();
        }
        engines.clear();
        return leaks.length() == 0 ? null : leaks.toString().trim();
    }
}
