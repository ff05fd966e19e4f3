package io.rapport.questionnaire;

import static io.rapport.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.Api;

@QuarkusTest
@TestProfile(ContentPackResourceTest.WithContentPack.class)
class ContentPackResourceTest {

    /** Installs licensed-style wording for arm-5 in English and German under target/, which mvn clean removes. */
    public static class WithContentPack implements QuarkusTestProfile {

        static final Path PACK = Path.of("target", "test-content-pack");

        @Override
        public Map<String, String> getConfigOverrides() {
            write("en", "Pack wording");
            write("de", "Paketwortlaut");
            return Map.of("rapport.questionnaire.content-pack-dir", PACK.toAbsolutePath().toString());
        }

        private static void write(String language, String prefix) {
            StringBuilder yaml = new StringBuilder("items:\n");
            for (int i = 1; i <= 5; i++) {
                yaml.append("  \"").append(i).append("\": \"").append(prefix).append(' ').append(i).append("\"\n");
            }
            yaml.append("anchors:\n  \"1\": {\"1\": \"").append(prefix).append(" low\"}\n");
            try {
                Path file = PACK.resolve("arm-5/1.0.0/" + language + ".yaml");
                Files.createDirectories(file.getParent());
                Files.writeString(file, yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldServeContentPackWordingInTheRequestedLanguage() {
        as(key).header("Accept-Language", "de-DE, en;q=0.5").get("/api/v1/questionnaires/arm-5").then()
                .statusCode(200)
                .header("Content-Language", "de")
                .body("language", equalTo("de"))
                .body("textSource", equalTo("content-pack"))
                .body("items[2].text", equalTo("Paketwortlaut 3"))
                .body("items[0].anchors.'1'", equalTo("Paketwortlaut low"));
    }

    @Test
    void shouldFallBackToContentPackWordingInTheDefaultLanguage() {
        as(key).header("Accept-Language", "fr").get("/api/v1/questionnaires/arm-5").then().statusCode(200)
                .header("Content-Language", "en")
                .body("language", equalTo("en"))
                .body("textSource", equalTo("content-pack"))
                .body("items[0].text", equalTo("Pack wording 1"));
    }

    @Test
    void shouldListInstalledContentPackLanguages() {
        as(key).get("/api/v1/questionnaires").then().statusCode(200)
                .body("find { it.id == 'arm-5' }.languages", equalTo(List.of("en", "de")))
                .body("find { it.id == 'arm-5' }.licence.textSource", equalTo("content-pack"))
                .body("find { it.id == 'arm-5' }.licence.contentPackLanguages", equalTo(List.of("de", "en")))
                .body("find { it.id == 'wai-sr' }.licence.textSource", equalTo("placeholder"));
    }
}
