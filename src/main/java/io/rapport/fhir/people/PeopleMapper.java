package io.rapport.fhir.people;

import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import io.rapport.care.ClientView;
import io.rapport.care.TherapistView;
import io.rapport.fhir.Fhir;
import io.rapport.fhir.ProgramTags;

/**
 * Clients as Patients and therapists as Practitioners; the FHIR id is Rapport's, the identifier the EHR's. A
 * therapist's program tags are {@code meta.tag} codings of {@link ProgramTags#SYSTEM}.
 */
public final class PeopleMapper {

    public static final String CLIENT_ID_SYSTEM = Fhir.SYSTEM_BASE + "client-id";
    public static final String THERAPIST_ID_SYSTEM = Fhir.SYSTEM_BASE + "therapist-id";
    static final String LANGUAGE_SYSTEM = "urn:ietf:bcp:47";

    private PeopleMapper() {
    }

    public static Patient patient(ClientView c) {
        Patient p = new Patient();
        p.setId(c.id().toString());
        p.getMeta().setLastUpdated(Date.from(c.updatedAt() != null ? c.updatedAt() : c.createdAt()));
        p.addIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(c.externalId()));
        if (c.displayName() != null) {
            p.addName(new HumanName().setText(c.displayName()));
        }
        if (c.email() != null) {
            p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(c.email()));
        }
        if (c.preferredLanguage() != null) {
            p.addCommunication().setPreferred(true)
                    .setLanguage(new CodeableConcept(new Coding(LANGUAGE_SYSTEM, c.preferredLanguage(), null)));
        }
        return p;
    }

    public static Practitioner practitioner(TherapistView t) {
        Practitioner p = new Practitioner();
        p.setId(t.id().toString());
        p.getMeta().setLastUpdated(Date.from(t.updatedAt() != null ? t.updatedAt() : t.createdAt()));
        ProgramTags.write(p.getMeta(), t.tags());
        p.addIdentifier(new Identifier().setSystem(THERAPIST_ID_SYSTEM).setValue(t.externalId()));
        p.setActive(t.active());
        if (t.displayName() != null) {
            p.addName(new HumanName().setText(t.displayName()));
        }
        if (t.email() != null) {
            p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(t.email()));
        }
        return p;
    }

    /** {@code name.text}, else given and family names joined, as a display name. */
    static String displayName(java.util.List<HumanName> names) {
        if (names.isEmpty()) {
            return null;
        }
        HumanName name = names.get(0);
        if (name.hasText()) {
            return name.getText();
        }
        String joined = (name.getGivenAsSingleString() + " " + (name.hasFamily() ? name.getFamily() : "")).trim();
        return joined.isEmpty() ? null : joined;
    }

    static String email(java.util.List<ContactPoint> telecom) {
        return telecom.stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL && t.hasValue())
                .map(ContactPoint::getValue).findFirst().orElse(null);
    }
}
