package io.retort.cdi.internal;

import io.retort.exception.ConfigurationException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds the container DataSource that {@code retort.datasource} names: first a CDI bean of type {@link DataSource}
 * with that {@code @Named} name, then the name in JNDI (as given, and under {@code java:comp/env/} when it has no
 * scheme).
 */
final class DataSourceLookup {
    private DataSourceLookup() {
    }

    /**
     * The DataSource, with a note of where it was found.
     *
     * @param property the configuration key, for messages
     * @throws ConfigurationException if neither a bean nor JNDI has it, saying what was tried
     */
    // The JNDI name comes from the application's own configuration, not from a request, and the lookup is the
    // container's standard way to hand out its DataSources.
    @SuppressWarnings("BanJNDI")
    static Found find(String property, String name, Instance<Object> lookup) {
        Instance<DataSource> beans = lookup.select(DataSource.class, NamedLiteral.of(name));
        if (beans.isAmbiguous()) {
            throw new ConfigurationException(property + "=" + name + " is ambiguous: several DataSource beans are"
                    + " @Named(\"" + name + "\")");
        }
        if (beans.isResolvable()) {
            return new Found(beans.get(), "the CDI bean @Named(\"" + name + "\")");
        }
        StringBuilder tried = new StringBuilder();
        for (String jndiName : name.contains(":") ? new String[] {name} : new String[] {name, "java:comp/env/" + name}) {
            try {
                Object bound = new InitialContext().lookup(jndiName);
                if (bound instanceof DataSource) {
                    return new Found((DataSource) bound, "JNDI name " + jndiName);
                }
                tried.append("; JNDI name ").append(jndiName).append(" holds a ")
                        .append(bound == null ? "null" : bound.getClass().getName()).append(", not a DataSource");
            } catch (NamingException | RuntimeException e) {
                tried.append("; JNDI lookup of ").append(jndiName).append(" failed: ").append(e);
            }
        }
        throw new ConfigurationException(property + "=" + name + " names no DataSource: there is no DataSource bean"
                + " @Named(\"" + name + "\")" + tried + ". Give the DataSource bean that name, bind it in JNDI, or set"
                + " the url key instead.");
    }

    /**
     * A DataSource and where it came from.
     *
     * @param dataSource the DataSource
     * @param source e.g. {@code the CDI bean @Named("app")}
     */
    record Found(DataSource dataSource, String source) {
    }
}
