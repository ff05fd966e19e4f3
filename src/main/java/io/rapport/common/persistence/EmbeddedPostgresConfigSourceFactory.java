package io.rapport.common.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource URL of an embedded PostgreSQL server when none is configured. The server starts
 * lazily, on the first read of the URL at run time, so the build never starts it and an external
 * {@code QUARKUS_DATASOURCE_JDBC_URL} never starts it either.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    static final String FLYWAY_JDBC_URL = "quarkus.flyway.jdbc-url";
    static final String FLYWAY_USERNAME = "quarkus.flyway.username";
    static final String FLYWAY_PASSWORD = "quarkus.flyway.password";
    private static final Set<String> SUPPLIED = Set.of(JDBC_URL, USERNAME, PASSWORD, FLYWAY_JDBC_URL,
            FLYWAY_USERNAME, FLYWAY_PASSWORD);
    static final String ENABLED = "rapport.db.embedded.enabled";
    static final String DATA_DIR = "rapport.db.embedded.data-dir";
    static final String PORT = "rapport.db.embedded.port";
    /** Longer than {@code quarkus.shutdown.timeout}, so the server outlives requests in flight. */
    static final Duration PRODUCTION_DRAIN = Duration.ofSeconds(45);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (present(context, JDBC_URL) || !Boolean.parseBoolean(value(context, ENABLED, "true"))) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, DATA_DIR, "data/postgres"));
        int port = Integer.parseInt(value(context, PORT, "0"));
        // In production the application drains requests first; dev and test JVMs just exit.
        Duration drain = context.getProfiles().contains("prod") ? PRODUCTION_DRAIN : Duration.ZERO;
        return List.of(new EmbeddedSource(dataDir, port, drain));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean present(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }

    /** Low ordinal: anything the user configures wins. */
    static final class EmbeddedSource implements ConfigSource {
        private final Path dataDir;
        private final int port;
        private final Duration drain;

        EmbeddedSource(Path dataDir, int port, Duration drain) {
            this.dataDir = dataDir;
            this.port = port;
            this.drain = drain;
        }

        @Override
        public Set<String> getPropertyNames() {
            // Names only: tools that enumerate config do not start the server by listing them.
            return SUPPLIED;
        }

        @Override
        public Map<String, String> getProperties() {
            return Collections.emptyMap();
        }

        @Override
        public String getValue(String name) {
            if (!SUPPLIED.contains(name)) {
                return null;
            }
            if (duringBuild()) {
                return null;
            }
            String url = EmbeddedPostgres.jdbcUrl(dataDir, port, drain);
            // Migrations run as the owner; the application as a role without rights to change the audit trail.
            // The user goes into each URL: a datasource username from this source alone was not applied.
            String owner = EmbeddedPostgres.OWNER;
            String application = EmbeddedPostgres.APPLICATION_ROLE;
            return switch (name) {
                case JDBC_URL -> url + "?user=" + application;
                case FLYWAY_JDBC_URL -> url + "?user=" + owner;
                case USERNAME -> application;
                case PASSWORD, FLYWAY_PASSWORD -> EmbeddedPostgres.password();
                default -> owner;
            };
        }

        @Override
        public int getOrdinal() {
            return 50;
        }

        @Override
        public String getName() {
            return "EmbeddedPostgresConfigSource";
        }

        private static boolean duringBuild() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> {
                String c = f.getClassName();
                return c.startsWith("io.quarkus.deployment.") && !c.startsWith("io.quarkus.deployment.dev.")
                        || c.startsWith("io.quarkus.builder.");
            }));
        }
    }
}
