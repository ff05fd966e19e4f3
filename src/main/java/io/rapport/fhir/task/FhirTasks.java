package io.rapport.fhir.task;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

import io.rapport.common.web.Ids;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.DeliveryRecords;
import io.rapport.delivery.DeliveryRecords.AssignmentRecord;
import io.rapport.fhir.FhirException;
import io.rapport.fhir.SearchParams;
import io.rapport.fhir.Searchset;
import io.rapport.questionnaire.QuestionnaireService;

/** Assignments as Tasks, read and searched through delivery's records; the Task id is the assignment id. */
@ApplicationScoped
public class FhirTasks {

    private final DeliveryRecords records;
    private final QuestionnaireService questionnaires;

    public FhirTasks(DeliveryRecords records, QuestionnaireService questionnaires) {
        this.records = records;
        this.questionnaires = questionnaires;
    }

    /** Search parameters as given; null ones do not filter. */
    public record Search(String patient, String status, String encounter) {
    }

    /** One page of matches and the number of all. */
    public record Found(List<Task> tasks, int total) {
    }

    public Task read(UUID organizationId, String id) {
        return Ids.tryParse(id).flatMap(uuid -> records.assignment(organizationId, uuid)).map(this::toFhir)
                .orElseThrow(() -> FhirException.notFound("Task", id));
    }

    public Found search(UUID organizationId, Search search, Searchset.Page page) {
        UUID client = null;
        UUID session = null;
        if (search.patient() != null) {
            Optional<UUID> id = SearchParams.reference(search.patient(), "Patient");
            if (id.isEmpty()) {
                return new Found(List.of(), 0);
            }
            client = id.get();
        }
        if (search.encounter() != null) {
            Optional<UUID> id = SearchParams.reference(search.encounter(), "Encounter");
            if (id.isEmpty()) {
                return new Found(List.of(), 0);
            }
            session = id.get();
        }
        Set<Assignment.Status> statuses = EnumSet.noneOf(Assignment.Status.class);
        if (search.status() != null) {
            for (String code : search.status().split(",")) {
                statuses.addAll(statuses(code.trim()));
            }
            if (statuses.isEmpty()) {
                return new Found(List.of(), 0);
            }
        }
        DeliveryRecords.Slice<AssignmentRecord> slice = records.assignments(organizationId,
                new DeliveryRecords.AssignmentQuery(client, session, statuses), page.offset(), page.count());
        return new Found(slice.items().stream().map(this::toFhir).toList(), Math.toIntExact(slice.total()));
    }

    /** The assignment statuses a Task status stands for (see {@link TaskMapper}); none for the other R4 codes. */
    private static Set<Assignment.Status> statuses(String code) {
        TaskStatus status;
        try {
            status = TaskStatus.fromCode(code);
        } catch (Exception e) {
            throw FhirException.invalid("status", "must be a Task status: requested, completed or cancelled");
        }
        return switch (status) {
            case REQUESTED -> EnumSet.of(Assignment.Status.open);
            case COMPLETED -> EnumSet.of(Assignment.Status.completed);
            case CANCELLED -> EnumSet.of(Assignment.Status.expired, Assignment.Status.cancelled);
            default -> EnumSet.noneOf(Assignment.Status.class);
        };
    }

    private Task toFhir(AssignmentRecord a) {
        String title = questionnaires.detail(a.questionnaireId(), a.questionnaireVersion(), List.of()).title();
        return TaskMapper.toFhir(a, title);
    }
}
