package io.rapport.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoadingTest {

    private static final Path SHIPPED = Path.of("questionnaires");
    private static final String SRS = "session-rating-4-1.0.0.yaml";

    @TempDir
    Path dir;

    @BeforeEach
    void copySchema() throws IOException {
        Files.copy(SHIPPED.resolve("schema.json"), dir.resolve("schema.json"));
    }

    private String shipped(String file) throws IOException {
        return Files.readString(SHIPPED.resolve(file));
    }

    private QuestionnaireLoadException loadFails() {
        return assertThrows(QuestionnaireLoadException.class, () -> QuestionnaireCatalog.load(dir, Optional.empty()));
    }

    @Test
    void shouldNameFileFieldAndReasonForSchemaViolation() throws IOException {
        Files.writeString(dir.resolve(SRS), shipped(SRS).replaceFirst("type: vas", "type: slider"));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.getMessage().contains(SRS), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("/items/0/type")), e.getMessage());
    }

    @Test
    void shouldReportMissingRequiredField() throws IOException {
        Files.writeString(dir.resolve(SRS), shipped(SRS).replaceFirst("(?m)^citation: .*\\n", ""));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.getMessage().contains("citation"), e.getMessage());
    }

    @Test
    void shouldRefuseSubscaleWithUnknownItem() throws IOException {
        String wai = "wai-sr-1.0.0.yaml";
        Files.writeString(dir.resolve(wai), shipped(wai).replace("task: [\"1\", \"2\", \"10\", \"12\"]",
                "task: [\"1\", \"2\", \"10\", \"13\"]"));
        QuestionnaireLoadException e = loadFails();
        assertEquals("/subscales/task/3", e.problems().get(0).field(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown item id '13'"), e.getMessage());
    }

    @Test
    void shouldRefuseCutoffOutsideScoreRange() throws IOException {
        Files.writeString(dir.resolve(SRS), shipped(SRS).replace("value: 36", "value: 41"));
        QuestionnaireLoadException e = loadFails();
        assertEquals("/interpretation/0/value", e.problems().get(0).field(), e.getMessage());
    }

    @Test
    void shouldRefuseDuplicateItemIdsAndInvertedRange() throws IOException {
        String arm = "arm-5-1.0.0.yaml";
        Files.writeString(dir.resolve(arm), shipped(arm).replace("id: \"2\"", "id: \"1\"")
                .replaceFirst("min: 1\\n    max: 7", "min: 7\n    max: 1"));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("/items/1/id")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("/items/0/max")), e.getMessage());
    }

    @Test
    void shouldRefuseChangedReleasedVersion() throws IOException {
        Files.copy(SHIPPED.resolve("released.json"), dir.resolve("released.json"));
        Files.writeString(dir.resolve(SRS), shipped(SRS).replace("value: 36", "value: 35"));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.getMessage().contains(SRS) && e.getMessage().contains("bump the version"), e.getMessage());
    }

    @Test
    void shouldAcceptChangedWordingOfReleasedVersion() throws IOException {
        Files.copy(SHIPPED.resolve("released.json"), dir.resolve("released.json"));
        Files.writeString(dir.resolve(SRS), shipped(SRS).replace("Item 1: relationship", "Item 1: reworded"));
        assertTrue(QuestionnaireCatalog.load(dir, Optional.empty()).isReleased("session-rating-4", "1.0.0"));
    }

    @Test
    void shouldLoadBumpedVersionAsUnreleasedAndPreferItAsLatest() throws IOException {
        Files.copy(SHIPPED.resolve("released.json"), dir.resolve("released.json"));
        Files.writeString(dir.resolve(SRS), shipped(SRS));
        Files.writeString(dir.resolve("session-rating-4-1.10.0.yaml"),
                shipped(SRS).replace("version: 1.0.0", "version: 1.10.0").replace("value: 36", "value: 35"));
        Files.writeString(dir.resolve("session-rating-4-1.9.0.yaml"),
                shipped(SRS).replace("version: 1.0.0", "version: 1.9.0"));
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(dir, Optional.empty());
        assertEquals(Set.of("session-rating-4@1.10.0", "session-rating-4@1.9.0"), catalog.unreleased());
        assertEquals("1.10.0", catalog.latest("session-rating-4").orElseThrow().version());
        assertEquals("1.0.0", catalog.get("session-rating-4", "1.0.0").orElseThrow().version());
    }

    @Test
    void shouldRefuseReliableChangeForUnknownScale() throws IOException {
        Files.writeString(dir.resolve(SRS), shipped(SRS) + """
                reliableChange:
                  - scale: bond
                    sd: 5
                    reliability: 0.875
                    source: "Test fixture only"
                """);
        QuestionnaireLoadException e = loadFails();
        assertEquals("/reliableChange/0/scale", e.problems().get(0).field(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown scale 'bond'"), e.getMessage());
    }

    @Test
    void shouldRequireNewVersionToAddReliableChangeConstantsToReleasedInstrument() throws IOException {
        // Constants are part of the fingerprint: adding them to a released file fails; a new minor version loads
        // unreleased until its fingerprint is registered, so new assignments keep the highest released version.
        Files.copy(SHIPPED.resolve("released.json"), dir.resolve("released.json"));
        String constants = """
                reliableChange:
                  - sd: 5
                    reliability: 0.875
                    source: "Test fixture only"
                """;
        Files.writeString(dir.resolve(SRS), shipped(SRS) + constants);
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.getMessage().contains(SRS) && e.getMessage().contains("bump the version"), e.getMessage());

        Files.writeString(dir.resolve(SRS), shipped(SRS));
        Files.writeString(dir.resolve("session-rating-4-1.1.0.yaml"),
                shipped(SRS).replace("version: 1.0.0", "version: 1.1.0") + constants);
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(dir, Optional.empty());
        assertEquals(Set.of("session-rating-4@1.1.0"), catalog.unreleased());
        assertEquals("1.1.0", catalog.latest("session-rating-4").orElseThrow().version());
        assertEquals("1.0.0", catalog.latestReleased("session-rating-4").orElseThrow().version());
        assertEquals(1, catalog.get("session-rating-4", "1.1.0").orElseThrow().reliableChange().size());
    }

    @Test
    void shouldRefuseATherapistFormWithoutPerspectiveOrMirroringNoClientInstrument() throws IOException {
        String own = "session-rating-4-therapist-1.0.0.yaml";
        Files.writeString(dir.resolve(SRS), shipped(SRS));
        Files.writeString(dir.resolve(own), shipped(own).replaceFirst("(?m)^perspective:\\n  of: .*\\n  view: .*\\n",
                ""));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("/perspective")), e.getMessage());

        // Mirrors: the client instrument must be loaded with the same item ids.
        Files.writeString(dir.resolve(own), shipped(own));
        Files.delete(dir.resolve(SRS));
        e = loadFails();
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("/perspective/of")
                && p.reason().contains("no client instrument 'session-rating-4'")), e.getMessage());
        Files.writeString(dir.resolve(SRS), shipped(SRS));
        QuestionnaireCatalog.load(dir, Optional.empty());
    }

    @Test
    void shouldRequireFileNameToMatchIdAndVersion() throws IOException {
        Files.writeString(dir.resolve("srs.yaml"), shipped(SRS));
        QuestionnaireLoadException e = loadFails();
        assertTrue(e.getMessage().contains("session-rating-4-1.0.0.yaml"), e.getMessage());
    }

    @Test
    void shouldMatchEveryShippedFingerprint() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(SHIPPED, Optional.empty());
        ReleaseRegistry registry = ReleaseRegistry.load(SHIPPED.resolve("released.json"));
        registry.fingerprints().forEach((key, fingerprint) -> {
            String[] parts = key.split("@");
            assertEquals(fingerprint, Fingerprint.of(catalog.get(parts[0], parts[1]).orElseThrow()), key);
        });
    }
}
