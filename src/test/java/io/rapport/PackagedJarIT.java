package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as an operator runs it: {@code java -jar} started from a folder that is not the
 * repository, on its own embedded PostgreSQL, reaches {@code /q/health/ready}. Runs after {@code package}, in
 * failsafe's integration-test phase of {@code ./mvnw verify}.
 */
class PackagedJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldStartFromAnotherFolderWithTheShippedCatalogAndBecomeReady(@TempDir Path folder) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).as("built by the package phase").exists();
        int port = freePort();
        Path log = folder.resolve("rapport.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().remove("RAPPORT_QUESTIONNAIRE_DIR");
        Process rapport = builder.start();
        try {
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !rapport.isAlive() || ready(port) == 200);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("not ready after 3 minutes; log:\n" + Files.readString(log), e);
            }
            assertThat(rapport.isAlive()).as("still running; log:%n%s", Files.readString(log)).isTrue();
            HttpResponse<String> health = get(port, "/q/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\": \"UP\"");
            // The catalog came from inside the jar: the folder holds only what Rapport wrote at start.
            assertThat(folder.resolve("questionnaires")).doesNotExist();
            assertThat(Files.readString(log)).doesNotContain("schema not readable");
        } finally {
            rapport.destroy();
            if (!rapport.waitFor(60, TimeUnit.SECONDS)) {
                rapport.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).contains("Embedded PostgreSQL stopped");
    }

    private static int ready(int port) {
        try {
            return get(port, "/q/health/ready").statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
