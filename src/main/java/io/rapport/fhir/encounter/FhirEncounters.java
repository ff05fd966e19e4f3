package io.rapport.fhir.encounter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import io.rapport.care.HeldSession;
import io.rapport.care.JointSessionView;
import io.rapport.care.PeopleService;
import io.rapport.care.SessionRequest;
import io.rapport.care.SessionService;
import io.rapport.care.SessionView;
import io.rapport.care.TagsRequest;
import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.Ids;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.FhirException;
import io.rapport.fhir.FhirIdentifier;
import io.rapport.fhir.ProgramTags;

/**
 * An Encounter is a session: created through {@code SessionService}, the code behind {@code POST /sessions}. Its
 * {@code meta.tag} are the programs it counts in (its pairs' own tags and the therapist's); on create, program
 * codings are added to the pairs' own tags.
 */
@ApplicationScoped
public class FhirEncounters {

    public static final String ENCOUNTER_ID_SYSTEM = Fhir.SYSTEM_BASE + "encounter-id";
    /** The id of the Group a joint session's Encounter contains as its subject. */
    static final String JOINT_GROUP = "clients";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** The session's fields, as care names them, and the Encounter elements they come from. */
    private static final Map<String, String> FIELDS = Map.of("clientId", "Encounter.subject", "clientIds",
            "Encounter.subject", "therapistId", "Encounter.participant.individual", "occurredAt",
            "Encounter.period.start", "encounterId", "Encounter.identifier", "sessionNumber", "Encounter",
            "Idempotency-Key", "Encounter.identifier", "tags", "Encounter.meta.tag");

    private final SessionService sessions;
    private final PeopleService people;
    private final Validator validator;

    public FhirEncounters(SessionService sessions, PeopleService people, Validator validator) {
        this.sessions = sessions;
        this.people = people;
        this.validator = validator;
    }

    public record Created(Encounter encounter, boolean replayed) {
    }

    public Created create(UUID organizationId, String ifNoneExist, Encounter encounter) {
        String encounterId = encounter.getIdentifier().stream().map(Identifier::getValue)
                .filter(v -> v != null).findFirst()
                .orElseThrow(() -> FhirException.unprocessable("Encounter.identifier", "the EHR's encounter id is required"));
        if (ifNoneExist != null && !FhirIdentifier.fromString(condition(ifNoneExist)).toString().equals(encounterId)) {
            throw FhirException.invalid("If-None-Exist",
                    "must be identifier=<the Encounter's identifier>, " + encounterId);
        }
        if (!encounter.hasSubject()) {
            throw FhirException.unprocessable("Encounter.subject", "the Patient seen is required");
        }
        List<String> clients = clients(organizationId, encounter);
        Reference individual = encounter.getParticipant().stream().filter(p -> p.hasIndividual())
                .map(p -> p.getIndividual()).findFirst()
                .orElseThrow(() -> FhirException.unprocessable("Encounter.participant.individual",
                        "the Practitioner is required"));
        String therapist = externalId(organizationId, individual, "Practitioner", "Encounter.participant.individual");
        if (!encounter.getPeriod().hasStart()) {
            throw FhirException.unprocessable("Encounter.period.start", "the session's time is required");
        }
        boolean joint = clients.size() > 1;
        SessionRequest request = new SessionRequest(joint ? null : clients.get(0), joint ? clients : null, therapist,
                encounter.getPeriod().getStart().toInstant(), encounterId, null);
        // Program codings are added to the pair's own tags, checked as PUT /pairs/{id}/tags checks them.
        List<String> tags = ProgramTags.read(encounter.getMeta());
        TagsRequest tagsRequest = new TagsRequest(tags == null ? List.of() : tags);
        List<FieldError> errors = new ArrayList<>(errors(validator.validate(request)));
        errors.addAll(errors(validator.validate(tagsRequest)));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw FhirException.unprocessable(errors);
        }
        SessionService.Created created;
        try {
            created = sessions.create(organizationId, request, null, tagsRequest.tags());
        } catch (ApiException e) {
            throw renamed(e);
        }
        // A joint session is one Encounter: its id is the group's, which names all the clients' sessions.
        SessionView view = created.body() instanceof JointSessionView group
                ? withId(group.sessions().get(0), group.groupId())
                : (SessionView) created.body();
        Encounter e = toFhir(view, encounter, individual);
        sessions.held(organizationId, view.id()).ifPresent(h -> ProgramTags.write(e.getMeta(), h.tags()));
        return new Created(e, created.replayed());
    }

    /**
     * The identifier an {@code If-None-Exist} header asks for. The spec gives a query string
     * ({@code identifier=sys|value}); clients also send it as a search URL, relative ({@code Encounter?...}, as
     * HAPI's generic client does) or absolute, percent-encoded. Only {@code identifier} is supported.
     */
    static String condition(String header) {
        String query = header.strip();
        int question = query.indexOf('?');
        if (question >= 0) {
            String path = query.substring(0, question);
            if (!path.isEmpty() && !path.equals("Encounter") && !path.endsWith("/Encounter")) {
                throw FhirException.invalid("If-None-Exist", "must search Encounter, not " + path);
            }
            query = query.substring(question + 1);
        }
        if (!query.startsWith("identifier=") || query.contains("&")) {
            throw FhirException.invalid("If-None-Exist", "must be identifier=<the Encounter's identifier>");
        }
        try {
            return URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FhirException.invalid("If-None-Exist", "is not a valid percent-encoded query");
        }
    }

    /** The Group a local reference ({@code #id}) names; HAPI keeps contained ids with or without the hash. */
    private static java.util.Optional<Group> contained(Encounter encounter, String ref) {
        String id = ref.substring(1);
        return encounter.getContained().stream().filter(r -> r instanceof Group)
                .filter(r -> id.equals(r.getIdElement().getIdPart().replaceFirst("^#", ""))).map(r -> (Group) r)
                .findFirst();
    }

    private static SessionView withId(SessionView first, UUID id) {
        return new SessionView(id, first.pairId(), first.sessionNumber(), first.occurredAt(), first.encounterId(),
                first.assignments());
    }

    /**
     * The clients seen: the subject Patient, or for a joint session (a couple or family) the members of a Group
     * contained in the Encounter, as R4's Encounter has one subject, which may be a Group.
     */
    private List<String> clients(UUID organizationId, Encounter encounter) {
        Reference subject = encounter.getSubject();
        String ref = subject.getReference();
        if (ref == null || !ref.startsWith("#")) {
            return List.of(externalId(organizationId, subject, "Patient", "Encounter.subject"));
        }
        Group group = contained(encounter, ref)
                .orElseThrow(() -> FhirException.unprocessable("Encounter.subject",
                        ref + " names no Group contained in the Encounter"));
        if (group.getMember().size() < 2) {
            throw FhirException.unprocessable("Encounter.contained.member",
                    "a joint session's Group has at least two Patients");
        }
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < group.getMember().size(); i++) {
            clients.add(externalId(organizationId, group.getMember().get(i).getEntity(), "Patient",
                    "Encounter.contained.member[" + i + "].entity"));
        }
        return clients;
    }

    /** A session, or a joint session by its group's id, as stored; 404 when the organization has neither. */
    public Encounter read(UUID organizationId, String id) {
        HeldSession held = Ids.tryParse(id).flatMap(uuid -> sessions.held(organizationId, uuid))
                .orElseThrow(() -> FhirException.notFound("Encounter", id));
        Encounter e = encounter(held.id(), held.encounterId(), held.occurredAt());
        ProgramTags.write(e.getMeta(), held.tags());
        if (held.joint()) {
            Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
            group.setId(JOINT_GROUP);
            held.clientIds().forEach(c -> group.addMember().setEntity(new Reference("Patient/" + c)));
            e.addContained(group);
            e.setSubject(new Reference("#" + JOINT_GROUP));
        } else {
            e.setSubject(new Reference("Patient/" + held.clientIds().get(0)));
        }
        if (held.partOf() != null) {
            e.setPartOf(new Reference("Encounter/" + held.partOf()));
        }
        e.addParticipant().setIndividual(new Reference("Practitioner/" + held.therapistId()));
        return e;
    }

    private static Encounter toFhir(SessionView view, Encounter request, Reference individual) {
        Reference subject = request.getSubject();
        Encounter e = encounter(view.id(), view.encounterId(), view.occurredAt());
        e.setSubject(subject.copy());
        if (subject.getReference() != null && subject.getReference().startsWith("#")) {
            contained(request, subject.getReference()).ifPresent(g -> e.addContained(g.copy()));
        }
        e.addParticipant().setIndividual(individual.copy());
        return e;
    }

    private static Encounter encounter(UUID id, String encounterId, Instant occurredAt) {
        Encounter e = new Encounter();
        e.setId(id.toString());
        if (encounterId != null) {
            e.addIdentifier(new Identifier().setSystem(ENCOUNTER_ID_SYSTEM).setValue(encounterId));
        }
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        // R4 requires a class; a therapy session is an ambulatory encounter (v3 ActCode AMB).
        e.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
        e.getPeriod().setStart(java.util.Date.from(occurredAt));
        return e;
    }

    /** A reference by Rapport's id ({@code Patient/<id>}, which must be the caller's) or by the EHR's identifier. */
    private String externalId(UUID organizationId, Reference reference, String type, String expression) {
        if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
            String value = reference.getIdentifier().getValue();
            if (!FhirIdentifier.isExternalId(value)) {
                throw FhirException.unprocessable(expression + ".identifier", "is not a valid EHR id");
            }
            return value;
        }
        String ref = reference.getReference();
        if (ref == null || !ref.startsWith(type + "/")) {
            throw FhirException.unprocessable(expression, "must reference a " + type + " by id or identifier");
        }
        String id = ref.substring(type.length() + 1);
        var found = Ids.tryParse(id).flatMap(uuid -> type.equals("Patient")
                ? people.client(organizationId, uuid).map(c -> c.externalId())
                : people.therapist(organizationId, uuid).map(t -> t.externalId()));
        return found.orElseThrow(() -> FhirException.unprocessable(expression, ref + " is not known"));
    }

    private static FhirException renamed(ApiException e) {
        List<FieldError> errors = e.errors().stream()
                .map(f -> new FieldError(FIELDS.getOrDefault(f.field(), "Encounter"), f.message())).toList();
        if (e.status() == 409) {
            return FhirException.conflict(errors.isEmpty() ? "Encounter" : errors.get(0).field(), e.getMessage());
        }
        return FhirException.unprocessable(errors.isEmpty() ? List.of(new FieldError("Encounter", e.getMessage()))
                : errors);
    }

    private static <T> List<FieldError> errors(java.util.Set<ConstraintViolation<T>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.add(new FieldError(FIELDS.getOrDefault(field, "Encounter"), v.getMessage()));
        }
        return errors;
    }
}
