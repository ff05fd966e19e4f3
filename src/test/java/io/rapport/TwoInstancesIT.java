package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.persistence.EmbeddedPostgres;

/**
 * Two packaged instances on one PostgreSQL, as behind a load balancer: the login limit is one limit, not one per
 * instance. Five wrong passwords spread over both instances lock the username on both.
 */
class TwoInstancesIT {

    private static final String OPERATOR_KEY = "two-instances-operator-key-0123456789";
    private static final String CSRF = "twoInstancesCsrfToken0123456789abcdefghijk";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldHoldTheLoginLimitAcrossTwoInstances(@TempDir Path folder) throws Exception {
        try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setCleanDataDirectory(true)
                .start()) {
            EmbeddedPostgres.createApplicationRole(postgres.getPostgresDatabase());
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", url,
                    "QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.APPLICATION_ROLE,
                    "QUARKUS_DATASOURCE_PASSWORD", "unused-on-a-trusting-test-server",
                    "QUARKUS_FLYWAY_USERNAME", EmbeddedPostgres.OWNER, "QUARKUS_FLYWAY_PASSWORD", "unused",
                    "RAPPORT_OPERATOR_API_KEY", OPERATOR_KEY);
            Path one = folder.resolve("one");
            Path two = folder.resolve("two");
            Files.createDirectories(one);
            Files.createDirectories(two);
            try (PackagedApp first = PackagedApp.start(one, environment);
                    PackagedApp second = PackagedApp.start(two, environment)) {
                String adminKey = JSON.readTree(first.send(json("/api/v1/organizations", OPERATOR_KEY,
                        "{\"slug\":\"two-instances\",\"name\":\"Two instances\"}", first)).body())
                        .path("adminApiKey").asText();
                assertThat(adminKey).isNotBlank();
                HttpResponse<String> account = second.send(json("/api/v1/accounts", adminKey,
                        "{\"username\":\"shared-limit\",\"password\":\"correct horse battery\",\"role\":\"admin\","
                                + "\"therapistId\":null}",
                        second));
                assertThat(account.statusCode()).as(account.body()).isEqualTo(201);

                // Five failures (the default limit per username), alternating between the instances.
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    statuses.add(login(i % 2 == 0 ? first : second, "wrong password " + i).statusCode());
                }
                assertThat(statuses).containsOnly(401);
                // Each instance has seen at most three failures itself; the shared count says five.
                HttpResponse<String> onFirst = login(first, "correct horse battery");
                HttpResponse<String> onSecond = login(second, "correct horse battery");
                assertThat(onFirst.statusCode()).isEqualTo(429);
                assertThat(onSecond.statusCode()).isEqualTo(429);
                assertThat(Long.parseLong(onSecond.headers().firstValue("Retry-After").orElseThrow()))
                        .isBetween(1L, 16L * 60);
            }
        }
    }

    private static HttpResponse<String> login(PackagedApp app, String password) throws Exception {
        String form = "username=shared-limit&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&csrf=" + CSRF;
        return app.send(HttpRequest.newBuilder(URI.create(app.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-rapport-csrf=" + CSRF)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpRequest.Builder json(String path, String key, String body, PackagedApp app) {
        return HttpRequest.newBuilder(URI.create(app.base() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
