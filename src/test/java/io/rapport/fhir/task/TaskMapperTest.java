package io.rapport.fhir.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.validation.FhirValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.DeliveryRecords.AssignmentRecord;
import io.rapport.delivery.DeliveryRecords.ResponseRecord;
import io.rapport.fhir.FhirValidation;
import io.rapport.fhir.questionnaire.FhirQuestionnaires;
import io.rapport.fhir.response.ResponseMapper;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.QuestionnaireService;

/**
 * Every Task status and a response to every shipped instrument validate against base R4 with 0 errors. A Quarkus
 * test although it needs no application: in the suite's JVM the validator otherwise loads XML classes twice (a
 * LinkageError on javax.xml.namespace.QName once a Quarkus test has run).
 */
@QuarkusTest
class TaskMapperTest {

    static final Instant CREATED = Instant.parse("2026-11-20T16:00:00Z");

    @Test
    void shouldEmitValidTasksInEveryStatus() {
        for (Assignment.Status status : Assignment.Status.values()) {
            boolean done = status == Assignment.Status.completed;
            AssignmentRecord a = new AssignmentRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "session-rating-4", "1.0.0", status, CREATED.plusSeconds(72 * 3600), CREATED,
                    done ? CREATED.plusSeconds(60) : null, done ? UUID.randomUUID() : null, Assignment.CLIENT);
            Task task = TaskMapper.toFhir(a, "Session Rating");
            assertThat(FhirValidation.errors(task)).as(status.name()).isEmpty();
        }
    }

    /** The therapist's own rating form (issue 16) is a Task too, whose performer type says who answers. */
    @Test
    void shouldNameWhoAnswersInThePerformerType() {
        AssignmentRecord a = new AssignmentRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "session-rating-4-prediction", "1.0.0", Assignment.Status.open, CREATED.plusSeconds(3600), CREATED,
                null, null, Assignment.THERAPIST);
        Task task = TaskMapper.toFhir(a, "Prediction");
        assertThat(FhirValidation.errors(task)).isEmpty();
        assertThat(task.getPerformerTypeFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo(TaskMapper.RATER_SYSTEM);
        assertThat(task.getPerformerTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("therapist");
    }

    /** Validated against base R4 and against the instrument's own Questionnaire, as the facade serves it. */
    @Test
    void shouldEmitValidResponsesForEveryShippedInstrument() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(Path.of("questionnaires"), Optional.empty());
        FhirValidator withQuestionnaires = FhirValidation.withQuestionnaires(new FhirQuestionnaires(
                new QuestionnaireService(catalog)).search(new FhirQuestionnaires.Search(null, null, null, null)));
        for (QuestionnaireDefinition d : catalog.all()) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Item item : d.items()) {
                answers.put(item.id(), item.allowNotApplicable() ? "na" : item.max());
            }
            ResponseRecord r = new ResponseRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), d.id(), d.version(), answers, CREATED, "form", "en");
            QuestionnaireResponse qr = ResponseMapper.toFhir(r, d);
            assertThat(FhirValidation.errors(qr)).as(d.key()).isEmpty();
            assertThat(FhirValidation.all(withQuestionnaires, qr)).as(d.key())
                    .noneMatch(m -> m.contains("could not be resolved"));
            assertThat(FhirValidation.errors(withQuestionnaires, qr)).as(d.key()).isEmpty();
            // The check has teeth: an answer of the wrong type for its item is an error.
            qr.getItemFirstRep().getAnswerFirstRep().setValue(new org.hl7.fhir.r4.model.StringType("x"));
            assertThat(FhirValidation.errors(withQuestionnaires, qr)).as(d.key()).isNotEmpty();
        }
    }
}
