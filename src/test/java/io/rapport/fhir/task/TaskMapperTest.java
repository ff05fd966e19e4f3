package io.rapport.fhir.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import io.rapport.delivery.Assignment;
import io.rapport.delivery.DeliveryRecords.AssignmentRecord;
import io.rapport.delivery.DeliveryRecords.ResponseRecord;
import io.rapport.fhir.response.ResponseMapper;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/** Every Task status and a response to every shipped instrument validate against base R4 with 0 errors. */
class TaskMapperTest {

    static final Instant CREATED = Instant.parse("2026-11-20T16:00:00Z");

    @Test
    void shouldEmitValidTasksInEveryStatus() {
        for (Assignment.Status status : Assignment.Status.values()) {
            boolean done = status == Assignment.Status.completed;
            AssignmentRecord a = new AssignmentRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    "session-rating-4", "1.0.0", status, CREATED.plusSeconds(72 * 3600), CREATED,
                    done ? CREATED.plusSeconds(60) : null, done ? UUID.randomUUID() : null);
            Task task = TaskMapper.toFhir(a, "Session Rating");
            System.out.println(R4Validation.all(task));
            assertThat(R4Validation.errors(task)).as(status.name()).isEmpty();
        }
    }

    @Test
    void shouldEmitValidResponsesForEveryShippedInstrument() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(Path.of("questionnaires"), Optional.empty());
        for (QuestionnaireDefinition d : catalog.all()) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Item item : d.items()) {
                answers.put(item.id(), item.allowNotApplicable() ? "na" : item.max());
            }
            ResponseRecord r = new ResponseRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), d.id(), d.version(), answers, CREATED, "form", "en");
            QuestionnaireResponse qr = ResponseMapper.toFhir(r, d);
            System.out.println(R4Validation.all(qr));
            assertThat(R4Validation.errors(qr)).as(d.key()).isEmpty();
        }
    }
}
