package io.rapport.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** The embedded server starts only without a configured URL, and keeps its data across restarts. */
class EmbeddedPostgresTest {

    @Test
    void shouldStayIdleWhenAJdbcUrlIsConfigured() {
        var sources = new EmbeddedPostgresConfigSourceFactory()
                .getConfigSources(context(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/rapport")));
        assertThat(sources).isEmpty();
    }

    @Test
    void shouldStayIdleWhenDisabled() {
        var sources = new EmbeddedPostgresConfigSourceFactory()
                .getConfigSources(context(Map.of("rapport.db.embedded.enabled", "false")));
        assertThat(sources).isEmpty();
    }

    @Test
    void shouldOfferOnlyDatasourceProperties() {
        List<ConfigSource> sources = (List<ConfigSource>) new EmbeddedPostgresConfigSourceFactory()
                .getConfigSources(context(Map.of()));
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).getValue("quarkus.http.port")).isNull();
        // Names are listed (the datasource applies a password only then); listing them starts no server.
        assertThat(sources.get(0).getPropertyNames()).containsExactlyInAnyOrder("quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.flyway.jdbc-url",
                "quarkus.flyway.username", "quarkus.flyway.password");
        assertThat(EmbeddedPostgres.running()).isFalse();
    }

    @Test
    void shouldKeepDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        String url = EmbeddedPostgres.jdbcUrl(data, 0);
        try (var c = DriverManager.getConnection(url, "postgres", EmbeddedPostgres.password()); var s = c.createStatement()) {
            s.execute("create table survivor (v text)");
            s.execute("insert into survivor values ('kept')");
        }
        EmbeddedPostgres.stop();
        String again = EmbeddedPostgres.jdbcUrl(data, 0);
        try (var c = DriverManager.getConnection(again, "postgres", EmbeddedPostgres.password());
                var rs = c.createStatement().executeQuery("select v from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        } finally {
            EmbeddedPostgres.stop();
        }
    }

    @Test
    void shouldAskEveryConnectionForThePasswordStoredBesideTheDataDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        String url = EmbeddedPostgres.jdbcUrl(data, 0);
        try {
            Path file = dir.resolve("pg.password");
            String password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(43).isEqualTo(EmbeddedPostgres.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("scram-sha-256")
                    .doesNotContain("trust");
            for (String role : List.of("postgres", EmbeddedPostgres.APPLICATION_ROLE)) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, role, "wrong").close()).as(role)
                        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=" + role).close()).as(role)
                        .isInstanceOf(SQLException.class);
                try (var c = DriverManager.getConnection(url, role, password);
                        var rs = c.createStatement().executeQuery("select current_user")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(role);
                }
            }
            // The same data directory keeps its password across restarts.
            EmbeddedPostgres.stop();
            String again = EmbeddedPostgres.jdbcUrl(data, 0);
            assertThat(EmbeddedPostgres.password()).isEqualTo(password);
            DriverManager.getConnection(again, "postgres", password).close();
        } finally {
            EmbeddedPostgres.stop();
        }
    }

    @Test
    void shouldConnectTheApplicationAsARoleThatIsNeitherSuperuserNorOwner(@TempDir Path dir) throws Exception {
        String url = EmbeddedPostgres.jdbcUrl(dir.resolve("pg"), 0);
        try (var c = DriverManager.getConnection(url, EmbeddedPostgres.APPLICATION_ROLE, EmbeddedPostgres.password());
                var rs = c.createStatement().executeQuery(
                        "select current_user, rolsuper, rolcreaterole from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rapport_app");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getBoolean(3)).isFalse();
        } finally {
            EmbeddedPostgres.stop();
        }
    }

    @Test
    void shouldSupplyTheApplicationRoleToTheDatasourceAndTheOwnerToFlyway(@TempDir Path dir) throws Exception {
        ConfigSource source = new EmbeddedPostgresConfigSourceFactory()
                .getConfigSources(context(Map.of("rapport.db.embedded.data-dir", dir.resolve("pg").toString())))
                .iterator().next();
        try {
            assertThat(source.getValue("quarkus.datasource.jdbc.url")).endsWith("?user=rapport_app");
            assertThat(source.getValue("quarkus.datasource.username")).isEqualTo("rapport_app");
            assertThat(source.getValue("quarkus.flyway.jdbc-url")).endsWith("?user=postgres");
            assertThat(source.getValue("quarkus.flyway.username")).isEqualTo("postgres");
            assertThat(source.getValue("quarkus.datasource.password")).isEqualTo(EmbeddedPostgres.password())
                    .isEqualTo(source.getValue("quarkus.flyway.password"));
            // The URL alone decides the user: a username property from this source was not applied by Quarkus.
            assertThat(userOf(source.getValue("quarkus.datasource.jdbc.url"))).isEqualTo("rapport_app");
            assertThat(userOf(source.getValue("quarkus.flyway.jdbc-url"))).isEqualTo("postgres");
        } finally {
            EmbeddedPostgres.stop();
        }
    }

    private static String userOf(String url) throws java.sql.SQLException {
        try (var c = DriverManager.getConnection(url + "&password=" + EmbeddedPostgres.password());
                var rs = c.createStatement().executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = values.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public List<String> getProfiles() {
                return List.of();
            }

            @Override
            public java.util.Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
