package io.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as an operator runs it: {@code java -jar} started from a folder that is not the
 * repository, on its own embedded PostgreSQL, reaches {@code /q/health/ready}. Runs after {@code package}, in
 * failsafe's integration-test phase of {@code ./mvnw verify}.
 */
class PackagedJarIT {

    @Test
    void shouldStartFromAnotherFolderWithTheShippedCatalogAndBecomeReady(@TempDir Path folder) throws Exception {
        Path log;
        try (PackagedApp rapport = PackagedApp.start(folder, Map.of())) {
            log = rapport.log;
            HttpResponse<String> health = rapport.get("/q/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\": \"UP\"");
            // The catalog came from inside the jar: the folder holds only what Rapport wrote at start.
            assertThat(folder.resolve("questionnaires")).doesNotExist();
            assertThat(Files.readString(log)).doesNotContain("schema not readable");
        }
        assertThat(Files.readString(log)).contains("Embedded PostgreSQL stopped");
    }
}
