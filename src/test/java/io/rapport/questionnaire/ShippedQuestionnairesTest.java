package io.rapport.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ShippedQuestionnairesTest {

    static final Path DIR = Path.of("questionnaires");

    static QuestionnaireCatalog catalog() {
        return QuestionnaireCatalog.load(DIR, Optional.empty());
    }

    @Test
    void shouldLoadEveryShippedInstrument() {
        QuestionnaireCatalog catalog = catalog();
        assertEquals(12, catalog.all().size());
        for (String id : new String[] { "wai-sr", "session-rating-4", "outcome-rating-4", "sai", "arm-5", "care",
                "patient-empathy-5", "couple-alliance-12", "session-rating-4-therapist",
                "session-rating-4-prediction", "wai-sr-therapist", "wai-sr-prediction" }) {
            assertTrue(catalog.latest(id).isPresent(), id);
        }
    }

    /** The therapist's forms (issue 16) mirror their client instrument item for item, one own view, one prediction. */
    @Test
    void shouldShipTherapistFormsThatMirrorTheirClientInstrument() {
        QuestionnaireCatalog catalog = catalog();
        for (String clientId : new String[] { "session-rating-4", "wai-sr" }) {
            QuestionnaireDefinition client = catalog.latest(clientId).orElseThrow();
            assertTrue(client.clientRated(), clientId);
            List<QuestionnaireDefinition> forms = catalog.perspectivesOf(clientId);
            assertEquals(List.of(clientId + "-prediction", clientId + "-therapist"),
                    forms.stream().map(QuestionnaireDefinition::id).toList());
            assertEquals(List.of("prediction", "own"), forms.stream().map(d -> d.perspective().view()).toList());
            for (QuestionnaireDefinition d : forms) {
                assertEquals("therapist", d.rater(), d.key());
                assertEquals(client.items().stream().map(Item::id).toList(),
                        d.items().stream().map(Item::id).toList(), d.key());
                assertEquals(client.subscales(), d.subscales(), d.key());
                assertEquals(client.scoring().method(), d.scoring().method(), d.key());
                assertTrue(d.interpretation().isEmpty(), d.key() + ": no cutoff was published for it");
                assertTrue(catalog.isReleased(d.id(), d.version()), d.key());
            }
        }
    }

    @Test
    void shouldReportOnlyProvisionalInstrumentsAsUnreleased() {
        assertEquals(java.util.Set.of("sai@0.1.0", "couple-alliance-12@0.1.0"), catalog().unreleased());
    }

    @Test
    void shouldShipOnlyPlaceholderWording() {
        for (QuestionnaireDefinition d : catalog().all()) {
            assertTrue(d.placeholderText(), d.key());
            d.items().forEach(i -> i.text().values().forEach(
                    t -> assertTrue(t.startsWith("[Placeholder – licensed wording not installed]"), d.key() + " " + t)));
        }
    }

    @Test
    void shouldExposePublishedStructure() {
        QuestionnaireCatalog catalog = catalog();
        QuestionnaireDefinition wai = catalog.get("wai-sr", "1.0.0").orElseThrow();
        assertEquals(12, wai.items().size());
        assertEquals(java.util.List.of("1", "2", "10", "12"), wai.subscales().get("task"));
        assertEquals(java.util.List.of("4", "6", "8", "11"), wai.subscales().get("goal"));
        assertEquals(java.util.List.of("3", "5", "7", "9"), wai.subscales().get("bond"));
        QuestionnaireDefinition arm = catalog.get("arm-5", "1.0.0").orElseThrow();
        assertEquals(java.util.List.of("3"), arm.items().stream().filter(Item::reverse).map(Item::id).toList());
        QuestionnaireDefinition care = catalog.get("care", "1.0.0").orElseThrow();
        assertEquals(0, care.totalMin().compareTo(java.math.BigDecimal.TEN));
        assertEquals(0, care.totalMax().compareTo(java.math.BigDecimal.valueOf(50)));
    }
}
