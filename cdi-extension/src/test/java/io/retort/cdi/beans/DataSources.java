package io.retort.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A container-provided DataSource, as an EE server or Agroal's CDI integration would produce it. */
@ApplicationScoped
public class DataSources {
    @Produces
    @Named("appDs")
    DataSource appDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:cdi_datasource;DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
