package io.rapport.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPackTest {

    private static final Path SHIPPED = Path.of("questionnaires");

    @TempDir
    Path pack;

    private Path write(String relative, String content) throws IOException {
        Path file = pack.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static String armItems(int count) {
        StringBuilder yaml = new StringBuilder("items:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  \"").append(i).append("\": \"Licensed wording ").append(i).append("\"\n");
        }
        return yaml.toString();
    }

    private QuestionnaireCatalog load() {
        return QuestionnaireCatalog.load(SHIPPED, Optional.of(pack));
    }

    @Test
    void shouldServeContentPackWordingWhenInstalled() throws IOException {
        write("arm-5/1.0.0/en.yaml", armItems(5) + "anchors:\n  \"1\": {\"1\": \"Licensed low\"}\n");
        QuestionnaireText text = load().text("arm-5", "1.0.0", "en").orElseThrow();
        assertEquals(TextSource.CONTENT_PACK, text.source());
        assertEquals("Licensed wording 3", text.items().get("3"));
        assertEquals("Licensed low", text.anchors().get("1").get("1"));
    }

    @Test
    void shouldFallBackToPlaceholderInDefaultLanguage() {
        QuestionnaireText text = QuestionnaireCatalog.load(SHIPPED, Optional.empty()).text("arm-5", "1.0.0", "de")
                .orElseThrow();
        assertEquals(TextSource.PLACEHOLDER, text.source());
        assertEquals("en", text.language());
        assertTrue(text.items().get("1").startsWith("[Placeholder"));
    }

    @Test
    void shouldFallBackToContentPackInDefaultLanguage() throws IOException {
        write("arm-5/1.0.0/en.yaml", armItems(5));
        QuestionnaireText text = load().text("arm-5", "1.0.0", "fr").orElseThrow();
        assertEquals(TextSource.CONTENT_PACK, text.source());
        assertEquals("en", text.language());
    }

    @Test
    void shouldPreferRequestedLanguageFromPack() throws IOException {
        write("arm-5/1.0.0/en.yaml", armItems(5));
        write("arm-5/1.0.0/de.yaml", armItems(5).replace("Licensed", "Lizenziert"));
        QuestionnaireText text = load().text("arm-5", "1.0.0", "de").orElseThrow();
        assertEquals("de", text.language());
        assertEquals("Lizenziert wording 1", text.items().get("1"));
    }

    @Test
    void shouldRefuseUnknownInstrumentVersion() throws IOException {
        Path file = write("arm-5/9.9.9/en.yaml", armItems(5));
        QuestionnaireLoadException e = assertThrows(QuestionnaireLoadException.class, this::load);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("unknown instrument version"),
                e.getMessage());
    }

    @Test
    void shouldRefuseLanguageFileMissingItems() throws IOException {
        Path file = write("arm-5/1.0.0/en.yaml", armItems(4));
        QuestionnaireLoadException e = assertThrows(QuestionnaireLoadException.class, this::load);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(file.toString(), e.problems().get(0).file());
        assertEquals("/items/5", e.problems().get(0).field());
    }

    @Test
    void shouldRefuseUnknownItemIdsAndAnchorsOutsideScale() throws IOException {
        write("arm-5/1.0.0/en.yaml", armItems(6) + "anchors:\n  \"1\": {\"8\": \"Too high\"}\n");
        QuestionnaireLoadException e = assertThrows(QuestionnaireLoadException.class, this::load);
        assertEquals(java.util.List.of("/items/6", "/anchors/1/8"),
                e.problems().stream().map(LoadProblem::field).toList(), e.getMessage());
    }
}
