package io.rapport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL server for the test run: temporary data directory, random port. Roles as in the
 * application's own embedded mode: migrations as the owner, the application as a role of its own.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        try {
            server = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.rapport.common.persistence.EmbeddedPostgres.createApplicationRole(server.getPostgresDatabase());
        String role = io.rapport.common.persistence.EmbeddedPostgres.APPLICATION_ROLE;
        String owner = io.rapport.common.persistence.EmbeddedPostgres.OWNER;
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                "quarkus.datasource.username", role,
                "quarkus.datasource.password", role,
                "quarkus.flyway.username", owner,
                "quarkus.flyway.password", owner);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
