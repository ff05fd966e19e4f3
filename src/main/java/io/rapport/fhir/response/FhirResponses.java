package io.rapport.fhir.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

import io.rapport.care.PeopleService;
import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.Ids;
import io.rapport.delivery.DeliveryRecords;
import io.rapport.delivery.DeliveryRecords.AssignmentRecord;
import io.rapport.delivery.DeliveryRecords.ResponseRecord;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.ResponseService;
import io.rapport.fhir.FhirException;
import io.rapport.fhir.FhirIdentifier;
import io.rapport.fhir.SearchParams;
import io.rapport.fhir.Searchset;
import io.rapport.fhir.questionnaire.QuestionnaireMapper;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.QuestionnaireService;
import io.rapport.questionnaire.ResponseType;
import io.rapport.scoring.AnswerProblem;
import io.rapport.scoring.InvalidAnswersException;

/**
 * QuestionnaireResponses over delivery's stored responses. A posted one is recorded by
 * {@link ResponseService#submitForAssignment}, the form submission's path: the same claim (one response per Task,
 * 409 after), scoring, events and outbox. Every answer problem, the facade's (a wrong FHIR type) and the scorer's
 * (off the scale, unknown item, missing), is one issue per item, and nothing is stored.
 */
@ApplicationScoped
public class FhirResponses {

    static final String QR = "QuestionnaireResponse";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

    private final DeliveryRecords records;
    private final ResponseService responses;
    private final QuestionnaireService questionnaires;
    private final PeopleService people;

    public FhirResponses(DeliveryRecords records, ResponseService responses, QuestionnaireService questionnaires,
            PeopleService people) {
        this.records = records;
        this.responses = responses;
        this.questionnaires = questionnaires;
        this.people = people;
    }

    /** Search parameters as given; null ones do not filter. */
    public record Search(String patient, String questionnaire, List<String> authored, List<String> lastUpdated) {
    }

    public record Found(List<QuestionnaireResponse> responses, int total) {
    }

    public QuestionnaireResponse read(UUID organizationId, String id) {
        return Ids.tryParse(id).flatMap(uuid -> records.response(organizationId, uuid)).map(this::toFhir)
                .orElseThrow(() -> FhirException.notFound(QR, id));
    }

    public Found search(UUID organizationId, Search search, Searchset.Page page) {
        // A response never changes after it is stored, so it was last updated when it was authored.
        SearchParams.Range range = SearchParams.dates(search.authored(), "authored")
                .and(SearchParams.dates(search.lastUpdated(), "_lastUpdated"));
        UUID client = null;
        if (search.patient() != null) {
            Optional<UUID> id = SearchParams.reference(search.patient(), "Patient");
            if (id.isEmpty()) {
                return new Found(List.of(), 0);
            }
            client = id.get();
        }
        String questionnaireId = null;
        String version = null;
        if (search.questionnaire() != null) {
            String value = search.questionnaire().trim();
            int bar = value.indexOf('|');
            String url = bar < 0 ? value : value.substring(0, bar);
            version = bar < 0 ? null : value.substring(bar + 1);
            if (!url.startsWith(QuestionnaireMapper.CANONICAL_BASE)) {
                return new Found(List.of(), 0);
            }
            questionnaireId = url.substring(QuestionnaireMapper.CANONICAL_BASE.length());
        }
        DeliveryRecords.Slice<ResponseRecord> slice = records.responses(organizationId,
                new DeliveryRecords.ResponseQuery(client, questionnaireId, version, range.from(), range.before()),
                page.offset(), page.count());
        return new Found(slice.items().stream().map(this::toFhir).toList(), Math.toIntExact(slice.total()));
    }

    private QuestionnaireResponse toFhir(ResponseRecord r) {
        return ResponseMapper.toFhir(r, questionnaires.definition(r.questionnaireId(), r.questionnaireVersion()));
    }

    /**
     * Records the response for its Task and returns it as stored: the Task's read, the submission and the read-back
     * are one transaction, as a form submission is.
     */
    @Transactional
    public QuestionnaireResponse create(UUID organizationId, QuestionnaireResponse qr) {
        UUID taskId = taskOf(qr);
        AssignmentRecord task = records.assignment(organizationId, taskId)
                .orElseThrow(() -> FhirException.unprocessable(QR + ".basedOn", "Task/" + taskId + " is not known"));
        String expected = QuestionnaireMapper.canonical(task.questionnaireId()) + "|" + task.questionnaireVersion();
        if (!qr.hasQuestionnaire() || !expected.equals(qr.getQuestionnaire())) {
            throw FhirException.unprocessable(QR + ".questionnaire", "must be " + expected
                    + ", the instrument version of Task/" + taskId);
        }
        requireSubject(organizationId, qr, task);
        if (qr.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
            throw FhirException.unprocessable(QR + ".status", "must be completed: only complete answers are scored");
        }
        String language = null;
        if (qr.hasLanguage()) {
            language = qr.getLanguage();
            if (language.length() > 16 || !LANGUAGE.matcher(language).matches()) {
                throw FhirException.unprocessable(QR + ".language", "must be a language tag such as en or de-CH");
            }
        }
        QuestionnaireDefinition d = questionnaires.definition(task.questionnaireId(), task.questionnaireVersion());
        Answers answers = answers(qr, d);
        ResponseRecorder.Stored stored;
        try {
            stored = responses.submitForAssignment(organizationId, taskId, answers.values(), language);
        } catch (InvalidAnswersException e) {
            throw FhirException.unprocessable(issues(e.problems(), answers));
        } catch (ApiException e) {
            throw switch (e.status()) {
                case 409 -> FhirException.conflict(QR + ".basedOn",
                        "Task/" + taskId + " is already answered; the first response is kept");
                case 410 -> FhirException.unprocessable(QR + ".basedOn", "Task/" + taskId
                        + " is no longer open (expired or withdrawn)");
                case 404 -> FhirException.unprocessable(QR + ".basedOn", "Task/" + taskId + " is not known");
                default -> e;
            };
        }
        if (!answers.typeErrors().isEmpty()) {
            // Unreachable, as the scorer refuses every mistyped answer; throwing rolls the response back.
            throw FhirException.unprocessable(List.copyOf(answers.typeErrors().values()));
        }
        // As stored, without reading it back: the recorder keeps the answers as given, in item order.
        return ResponseMapper.toFhir(new ResponseRecord(stored.responseId(), taskId, task.sessionId(), task.clientId(),
                task.questionnaireId(), task.questionnaireVersion(), new TreeMap<>(answers.values()),
                stored.submittedAt(), "fhir", language), d);
    }

    /** The Task from {@code basedOn} or, for clients that keep basedOn for a ServiceRequest, the extension. */
    private static UUID taskOf(QuestionnaireResponse qr) {
        List<Reference> candidates = new ArrayList<>(qr.getBasedOn());
        for (Extension e : qr.getExtensionsByUrl(ResponseMapper.TASK_EXTENSION)) {
            if (e.getValue() instanceof Reference r) {
                candidates.add(r);
            }
        }
        for (Reference r : candidates) {
            if (r.hasReference() && r.getReference().contains("Task/")) {
                return SearchParams.reference(r.getReference(), "Task").orElseThrow(() -> FhirException
                        .unprocessable(QR + ".basedOn", r.getReference() + " is not known"));
            }
        }
        throw FhirException.unprocessable(QR + ".basedOn", "must reference the Task answered (Task/<id>),"
                + " in basedOn or the extension " + ResponseMapper.TASK_EXTENSION);
    }

    private void requireSubject(UUID organizationId, QuestionnaireResponse qr, AssignmentRecord task) {
        Reference subject = qr.getSubject();
        Optional<UUID> client = Optional.empty();
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) {
            String value = subject.getIdentifier().getValue();
            if (FhirIdentifier.isExternalId(value)) {
                client = people.clientByExternalId(organizationId, value).map(c -> c.id());
            }
        } else if (subject.hasReference()) {
            client = SearchParams.reference(subject.getReference(), "Patient");
        } else {
            throw FhirException.unprocessable(QR + ".subject", "the Patient who answered is required");
        }
        if (client.isEmpty() || !client.get().equals(task.clientId())) {
            throw FhirException.unprocessable(QR + ".subject", "must be the Task's Patient, Patient/"
                    + task.clientId());
        }
    }

    /**
     * The answers as the scorer takes them (item id to a number or "na"), and where each came from. An answer of
     * the wrong FHIR type is passed as a string the scorer refuses, so all problems are found in one pass and the
     * facade's message replaces the scorer's for that item.
     */
    private record Answers(Map<String, Object> values, Map<String, Integer> positions,
            Map<String, FieldError> typeErrors) {
    }

    private static Answers answers(QuestionnaireResponse qr, QuestionnaireDefinition d) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        Map<String, FieldError> typeErrors = new LinkedHashMap<>();
        List<QuestionnaireResponseItemComponent> items = qr.getItem();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String at = QR + ".item[" + i + "]";
            String linkId = item.getLinkId();
            if (linkId == null || linkId.isBlank()) {
                throw FhirException.unprocessable(at + ".linkId", "is required");
            }
            if (positions.putIfAbsent(linkId, i) != null) {
                throw FhirException.unprocessable(at + ".linkId", "item " + linkId + " is answered twice");
            }
            Optional<Item> defined = d.item(linkId);
            if (item.hasItem()) {
                typeErrors.put(linkId, new FieldError(at + ".item", "items are not nested in " + d.key()));
                values.put(linkId, "nested");
                continue;
            }
            if (item.getAnswer().isEmpty()) {
                // Unanswered: the scorer says whether the item may be left out.
                if (defined.isEmpty()) {
                    values.put(linkId, "unanswered");
                }
                continue;
            }
            if (item.getAnswer().size() > 1) {
                typeErrors.put(linkId, new FieldError(at + ".answer[1]", "one answer per item"));
                values.put(linkId, "repeated");
                continue;
            }
            QuestionnaireResponseItemAnswerComponent answer = item.getAnswerFirstRep();
            if (answer.hasItem()) {
                typeErrors.put(linkId, new FieldError(at + ".answer[0].item", "answers have no nested items"));
                values.put(linkId, "nested");
                continue;
            }
            Object value = defined.isEmpty() ? anyValue(answer.getValue()) : value(answer.getValue(), defined.get());
            if (value == null) {
                boolean choice = defined.get().type() != ResponseType.VAS;
                typeErrors.put(linkId, new FieldError(at + ".answer[0]", choice
                        ? "item " + linkId + " is a choice item: answer with a valueCoding of "
                                + QuestionnaireMapper.ANSWER_SYSTEM
                        : "item " + linkId + " is a decimal item: answer with a valueDecimal"));
                value = "wrong type";
            }
            values.put(linkId, value);
        }
        return new Answers(values, positions, typeErrors);
    }

    /** The scorer's value of a well-typed answer; null for the wrong FHIR type; a string for a bad code. */
    private static Object value(Type value, Item item) {
        if (item.type() == ResponseType.VAS) {
            return value instanceof DecimalType decimal && decimal.getValue() != null ? decimal.getValue() : null;
        }
        if (!(value instanceof Coding coding) || !coding.hasCode()
                || coding.hasSystem() && !QuestionnaireMapper.ANSWER_SYSTEM.equals(coding.getSystem())) {
            return null;
        }
        return code(coding.getCode());
    }

    private static Object anyValue(Type value) {
        if (value instanceof Coding coding && coding.hasCode()) {
            return code(coding.getCode());
        }
        if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            return decimal.getValue();
        }
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue();
        }
        return "unknown";
    }

    /** "na", a scale value as a number, or the code itself, which the scorer then refuses. */
    private static Object code(String code) {
        if (QuestionnaireMapper.NOT_APPLICABLE.equals(code)) {
            return code;
        }
        try {
            return new BigDecimal(code);
        } catch (NumberFormatException e) {
            return code;
        }
    }

    /** One issue per item, in item order; items not in the response at all come last. */
    private static List<FieldError> issues(List<AnswerProblem> problems, Answers answers) {
        TreeMap<Integer, FieldError> byPosition = new TreeMap<>();
        List<FieldError> absent = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (AnswerProblem p : problems) {
            if (seen.put(p.itemId(), true) != null) {
                continue;
            }
            FieldError typeError = answers.typeErrors().get(p.itemId());
            Integer position = answers.positions().get(p.itemId());
            if (typeError != null) {
                byPosition.put(position, typeError);
            } else if (position == null) {
                absent.add(new FieldError(QR + ".item.where(linkId='" + p.itemId() + "')", p.message()));
            } else {
                String at = QR + ".item[" + position + "]";
                String expression = switch (p.code()) {
                    case UNKNOWN_ITEM -> at + ".linkId";
                    case MISSING_REQUIRED -> at + ".answer";
                    default -> at + ".answer[0]";
                };
                byPosition.put(position, new FieldError(expression, p.message()));
            }
        }
        // Type errors the scorer did not reach (it refuses every one, but be sure nothing slips through).
        answers.typeErrors().forEach((linkId, error) -> byPosition.putIfAbsent(answers.positions().get(linkId),
                error));
        List<FieldError> issues = new ArrayList<>(byPosition.values());
        issues.addAll(absent);
        return issues;
    }
}
