package io.rapport.fhir.people;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.restassured.response.Response;

/** Patients and Practitioners: conditional update by the EHR's id, read, search, isolation and audit. */
@QuarkusTest
class PatientFhirResourceTest {

    static final String PATIENT = """
            {"resourceType":"Patient","identifier":[{"system":"urn:ehr:mrn","value":"%s"}],
             "name":[{"given":["Ana"],"family":"Ruiz"}],"telecom":[{"system":"email","value":"ana@example.org"}],
             "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"es"}]},"preferred":true}]}""";

    String key;
    String ehrId;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
        ehrId = "mrn-" + UUID.randomUUID();
    }

    @Test
    void shouldCreateThenReplaceAPatientByIdentifierLikeTheJsonApi() {
        Response created = as(key).queryParam("identifier", "urn:ehr:mrn|" + ehrId).body(PATIENT.formatted(ehrId))
                .put("/fhir/Patient");
        created.then().statusCode(201);
        Patient patient = FhirApi.read(created, Patient.class);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(ehrId);
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Ana Ruiz");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("es");
        assertThat(created.header("Location")).endsWith("/fhir/Patient/" + patient.getIdElement().getIdPart());

        Response replaced = as(key).queryParam("identifier", ehrId)
                .body("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"A. R.\"}]}").put("/fhir/Patient");
        replaced.then().statusCode(200);
        Patient again = FhirApi.read(replaced, Patient.class);
        assertThat(again.getIdElement().getIdPart()).isEqualTo(patient.getIdElement().getIdPart());
        assertThat(again.getTelecom()).as("PUT replaces: absent fields are cleared").isEmpty();

        Patient read = FhirApi.read(as(key).get("/fhir/Patient/" + patient.getIdElement().getIdPart()),
                Patient.class);
        assertThat(read.getNameFirstRep().getText()).isEqualTo("A. R.");
    }

    @Test
    void shouldFindAPatientByIdentifierAndNothingForAnUnknownOne() {
        as(key).queryParam("identifier", ehrId).body(PATIENT.formatted(ehrId)).put("/fhir/Patient").then()
                .statusCode(201);

        Bundle found = FhirApi.read(as(key).queryParam("identifier", "urn:ehr:mrn|" + ehrId).get("/fhir/Patient"),
                Bundle.class);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(((Patient) found.getEntryFirstRep().getResource()).getIdentifierFirstRep().getValue())
                .isEqualTo(ehrId);
        assertThat(FhirApi.read(as(key).queryParam("identifier", "nobody").get("/fhir/Patient"), Bundle.class)
                .getTotal()).isZero();
    }

    @Test
    void shouldHideAnotherOrganizationsPatient() {
        Patient patient = FhirApi.read(as(key).queryParam("identifier", ehrId).body(PATIENT.formatted(ehrId))
                .put("/fhir/Patient"), Patient.class);
        String other = Api.newOrganization();

        outcome(as(other).get("/fhir/Patient/" + patient.getIdElement().getIdPart()), 404);
        assertThat(FhirApi.read(as(other).queryParam("identifier", ehrId).get("/fhir/Patient"), Bundle.class)
                .getTotal()).isZero();
    }

    @Test
    void shouldLeaveAnAuditRowForEveryReadOfAPatient() {
        Patient patient = FhirApi.read(as(key).queryParam("identifier", ehrId).body(PATIENT.formatted(ehrId))
                .put("/fhir/Patient"), Patient.class);
        as(key).get("/fhir/Patient/" + patient.getIdElement().getIdPart()).then().statusCode(200);
        as(key).queryParam("identifier", ehrId).get("/fhir/Patient").then().statusCode(200);

        var rows = Api.as(key).queryParam("clientId", ehrId).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(rows.getList("items.route", String.class)).contains("GET /fhir/Patient/{id}", "GET /fhir/Patient",
                "PUT /fhir/Patient");
    }

    @Test
    void shouldNameTheOffendingElementOfABadPatient() {
        Response badEmail = as(key).queryParam("identifier", ehrId)
                .body("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"email\",\"value\":\"no\"}]}")
                .put("/fhir/Patient");
        assertThat(expressions(outcome(badEmail, 422))).containsExactly("Patient.telecom");

        Response wrongType = as(key).queryParam("identifier", ehrId).body("{\"resourceType\":\"Encounter\"}")
                .put("/fhir/Patient");
        assertThat(expressions(outcome(wrongType, 400))).containsExactly("resourceType");

        outcome(as(key).queryParam("identifier", ehrId).body("{\"resourceType\":").put("/fhir/Patient"), 400);
        Response otherId = as(key).queryParam("identifier", ehrId).body(PATIENT.formatted("someone-else"))
                .put("/fhir/Patient");
        assertThat(expressions(outcome(otherId, 400))).containsExactly("Patient.identifier");
        assertThat(expressions(outcome(as(key).body(PATIENT.formatted(ehrId)).put("/fhir/Patient"), 400)))
                .containsExactly("identifier");
        outcome(as(key).queryParam("identifier", ehrId).contentType("text/plain").body("x").put("/fhir/Patient"),
                415);
        assertThat(FhirApi.read(as(key).queryParam("identifier", ehrId).get("/fhir/Patient"), Bundle.class)
                .getTotal()).as("nothing stored").isZero();
    }

    @Test
    void shouldCreateAndReadAPractitionerByIdentifier() {
        String body = "{\"resourceType\":\"Practitioner\",\"identifier\":[{\"value\":\"t-9\"}],"
                + "\"name\":[{\"text\":\"Dr. Lee\"}],\"active\":true}";
        Response created = as(key).queryParam("identifier", "t-9").body(body).put("/fhir/Practitioner");
        created.then().statusCode(201);
        Practitioner p = FhirApi.read(created, Practitioner.class);

        assertThat(FhirApi.read(as(key).get("/fhir/Practitioner/" + p.getIdElement().getIdPart()),
                Practitioner.class).getNameFirstRep().getText()).isEqualTo("Dr. Lee");
        assertThat(FhirApi.read(as(key).queryParam("identifier", "t-9").get("/fhir/Practitioner"), Bundle.class)
                .getTotal()).isEqualTo(1);
        as(key).queryParam("identifier", "t-9").body(body).put("/fhir/Practitioner").then().statusCode(200);
    }
}
