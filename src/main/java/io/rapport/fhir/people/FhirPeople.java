package io.rapport.fhir.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import io.rapport.care.ClientRequest;
import io.rapport.care.PeopleService;
import io.rapport.care.TherapistRequest;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.Ids;
import io.rapport.fhir.FhirException;
import io.rapport.fhir.FhirIdentifier;
import io.rapport.fhir.ProgramTags;

/**
 * Patients and Practitioners over care's people, with the same validation as {@code PUT /clients/{id}} and
 * {@code PUT /therapists/{id}}.
 */
@ApplicationScoped
public class FhirPeople {

    private static final Map<String, String> PATIENT_FIELDS = Map.of("displayName", "Patient.name", "email",
            "Patient.telecom", "preferredLanguage", "Patient.communication.language");
    private static final Map<String, String> PRACTITIONER_FIELDS = Map.of("displayName", "Practitioner.name",
            "email", "Practitioner.telecom", "active", "Practitioner.active", "tags", "Practitioner.meta.tag");

    private final PeopleService people;
    private final Validator validator;

    public FhirPeople(PeopleService people, Validator validator) {
        this.people = people;
        this.validator = validator;
    }

    public record Put<T>(T resource, boolean created) {
    }

    public Patient patient(UUID organizationId, String id) {
        return Ids.tryParse(id).flatMap(uuid -> people.client(organizationId, uuid)).map(PeopleMapper::patient)
                .orElseThrow(() -> FhirException.notFound("Patient", id));
    }

    public List<Patient> patients(UUID organizationId, FhirIdentifier identifier, String id) {
        if (identifier == null && id == null) {
            throw FhirException.invalid("identifier", "search Patients by identifier or _id");
        }
        Optional<Patient> match = identifier != null
                ? people.clientByExternalId(organizationId, identifier.value("identifier"))
                        .map(PeopleMapper::patient)
                : Ids.tryParse(id).flatMap(uuid -> people.client(organizationId, uuid)).map(PeopleMapper::patient);
        return match.filter(p -> id == null || p.getIdElement().getIdPart().equals(id)).map(List::of)
                .orElse(List.of());
    }

    public Put<Patient> putPatient(UUID organizationId, FhirIdentifier identifier, Patient patient) {
        String externalId = matching(identifier, patient.getIdentifier(), "Patient.identifier");
        String language = patient.getCommunication().stream()
                .sorted(Comparator.comparing(c -> !c.getPreferred()))
                .flatMap(c -> c.getLanguage().getCoding().stream()).map(c -> c.getCode()).filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        ClientRequest request = new ClientRequest(PeopleMapper.displayName(patient.getName()),
                PeopleMapper.email(patient.getTelecom()), language);
        check(validator.validate(request), PATIENT_FIELDS);
        PeopleService.Put<io.rapport.care.ClientView> put = people.putClient(organizationId, externalId, request);
        return new Put<>(PeopleMapper.patient(put.view()), put.created());
    }

    public Practitioner practitioner(UUID organizationId, String id) {
        return Ids.tryParse(id).flatMap(uuid -> people.therapist(organizationId, uuid))
                .map(PeopleMapper::practitioner).orElseThrow(() -> FhirException.notFound("Practitioner", id));
    }

    public List<Practitioner> practitioners(UUID organizationId, FhirIdentifier identifier, String id) {
        if (identifier == null && id == null) {
            throw FhirException.invalid("identifier", "search Practitioners by identifier or _id");
        }
        Optional<Practitioner> match = identifier != null
                ? people.therapistByExternalId(organizationId, identifier.value("identifier"))
                        .map(PeopleMapper::practitioner)
                : Ids.tryParse(id).flatMap(uuid -> people.therapist(organizationId, uuid))
                        .map(PeopleMapper::practitioner);
        return match.filter(p -> id == null || p.getIdElement().getIdPart().equals(id)).map(List::of)
                .orElse(List.of());
    }

    public Put<Practitioner> putPractitioner(UUID organizationId, FhirIdentifier identifier,
            Practitioner practitioner) {
        String externalId = matching(identifier, practitioner.getIdentifier(), "Practitioner.identifier");
        // Without program codings the tags stay, as FHIR keeps meta.tag across updates.
        TherapistRequest request = new TherapistRequest(PeopleMapper.displayName(practitioner.getName()),
                PeopleMapper.email(practitioner.getTelecom()),
                practitioner.hasActive() ? practitioner.getActive() : null, ProgramTags.read(practitioner.getMeta()));
        check(validator.validate(request), PRACTITIONER_FIELDS);
        PeopleService.Put<io.rapport.care.TherapistView> put = people.putTherapist(organizationId, externalId,
                request);
        return new Put<>(PeopleMapper.practitioner(put.view()), put.created());
    }

    /** A conditional update names its target in the URL; the body, if it has identifiers, must agree. */
    private static String matching(FhirIdentifier identifier, List<Identifier> identifiers, String expression) {
        if (identifier == null) {
            throw FhirException.invalid("identifier", "a conditional update needs ?identifier=<EHR id>");
        }
        String externalId = identifier.value("identifier");
        if (!identifiers.isEmpty() && identifiers.stream().noneMatch(i -> externalId.equals(i.getValue()))) {
            throw FhirException.invalid(expression, "does not contain the identifier of the URL, " + externalId);
        }
        return externalId;
    }

    private static <T> void check(java.util.Set<ConstraintViolation<T>> violations, Map<String, String> fields) {
        if (violations.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            // A list element's path is tags[1].<list element>; the element named is the list's.
            String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.add(new FieldError(fields.getOrDefault(field, field), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        throw FhirException.unprocessable(errors);
    }
}
