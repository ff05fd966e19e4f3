package io.rapport;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the throwaway database for every {@code @QuarkusTest} in the module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The schema owner, for fixtures that do what the application's role may not (DDL, tampering). */
    public static DataSource owner() {
        Config config = ConfigProvider.getConfig();
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        owner.setUser(config.getValue("quarkus.flyway.username", String.class));
        owner.setPassword(config.getValue("quarkus.flyway.password", String.class));
        return owner;
    }
}
