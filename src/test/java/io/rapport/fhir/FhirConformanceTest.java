package io.rapport.fhir;

import static io.rapport.fhir.FhirApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

/**
 * Every resource the facade emits validates against base R4 with HAPI's validator, with 0 errors: the
 * CapabilityStatement, each catalog version's Questionnaire, the people, the Encounter, the searchset Bundles and
 * the OperationOutcomes of refusals.
 */
@QuarkusTest
class FhirConformanceTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldFindErrorsInAnInvalidResource() {
        // An Encounter without its required status and class: the checks below can fail.
        Encounter invalid = new Encounter();
        invalid.addIdentifier().setValue("x");

        assertThat(FhirValidation.errors(invalid)).anyMatch(e -> e.contains("Encounter.status"))
                .anyMatch(e -> e.contains("Encounter.class"));
    }

    @Test
    void shouldEmitAValidCapabilityStatement() {
        assertValid(FhirApi.read(as(null).get("/fhir/metadata").then().statusCode(200).extract().response(),
                CapabilityStatement.class));
    }

    @Test
    void shouldEmitAValidQuestionnaireForEveryCatalogVersion() {
        int versions = Api.as(key).get("/api/v1/questionnaires").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
        Bundle bundle = bundle(as(key).queryParam("_count", 100).get("/fhir/Questionnaire"));

        assertThat(bundle.getEntry()).hasSize(versions);
        assertValid(bundle);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Response read = as(key).get("/fhir/Questionnaire/" + entry.getResource().getIdElement().getIdPart());
            assertValid(FhirApi.read(read.then().statusCode(200).extract().response(),
                    org.hl7.fhir.r4.model.Questionnaire.class));
        }
    }

    @Test
    void shouldEmitValidPeopleAndEncounters() {
        String encounterId = "enc-" + UUID.randomUUID();
        // A program tag, so that the Practitioner and the Encounters carry meta.tag.
        Api.as(key).body("{\"tags\":[\"couples\"]}").put("/api/v1/therapists/t-1").then().statusCode(201);
        Response created = as(key).header("If-None-Exist", "identifier=" + encounterId)
                .body(FhirApi.ENCOUNTER.formatted(encounterId,
                        "{\"identifier\":{\"value\":\"c-1\"}}"))
                .post("/fhir/Encounter");
        Encounter createdEncounter = FhirApi.read(created.then().statusCode(201).extract().response(),
                Encounter.class);
        assertThat(createdEncounter.getMeta().getTag()).hasSize(1);
        assertValid(createdEncounter);

        String members = "[{\"entity\":{\"identifier\":{\"value\":\"c-2\"}}},"
                + "{\"entity\":{\"identifier\":{\"value\":\"c-3\"}}}]";
        Response joint = as(key).body(FhirApi.JOINT_ENCOUNTER.formatted(members, "j-" + encounterId, "#couple"))
                .post("/fhir/Encounter");
        Encounter jointCreated = FhirApi.read(joint.then().statusCode(201).extract().response(), Encounter.class);
        assertValid(jointCreated);
        // As read back: a session, and a joint session with its contained Group.
        String createdId = FhirApi.read(created, Encounter.class).getIdElement().getIdPart();
        assertValid(FhirApi.read(as(key).get("/fhir/Encounter/" + createdId), Encounter.class));
        assertValid(FhirApi.read(as(key).get("/fhir/Encounter/" + jointCreated.getIdElement().getIdPart()),
                Encounter.class));

        Bundle patients = bundle(as(key).queryParam("identifier", "c-1").get("/fhir/Patient"));
        Bundle practitioners = bundle(as(key).queryParam("identifier", "t-1").get("/fhir/Practitioner"));
        assertThat(patients.getEntry()).hasSize(1);
        assertThat(practitioners.getEntry()).hasSize(1);
        assertValid(patients);
        assertValid(practitioners);
        String patientId = patients.getEntryFirstRep().getResource().getIdElement().getIdPart();
        String practitionerId = practitioners.getEntryFirstRep().getResource().getIdElement().getIdPart();
        assertValid(FhirApi.read(as(key).get("/fhir/Patient/" + patientId), Patient.class));
        assertValid(FhirApi.read(as(key).get("/fhir/Practitioner/" + practitionerId), Practitioner.class));
    }

    @Test
    void shouldEmitValidOperationOutcomes() {
        assertValid(FhirApi.outcome(as(key).get("/fhir/Patient/" + UUID.randomUUID()), 404));
        assertValid(FhirApi.outcome(as(key).body("{\"resourceType\":\"Encounter\",").post("/fhir/Encounter"), 400));
        assertValid(FhirApi.outcome(as(key).body("{\"resourceType\":\"Patient\"}").post("/fhir/Encounter"), 400));
        OperationOutcome unprocessable = FhirApi.outcome(
                as(key).body("{\"resourceType\":\"Encounter\",\"status\":\"finished\"}").post("/fhir/Encounter"),
                422);
        assertValid(unprocessable);
        assertValid(FhirApi.outcome(as(null).get("/fhir/Patient"), 401));
    }

    private static Bundle bundle(Response response) {
        return FhirApi.read(response.then().statusCode(200).extract().response(), Bundle.class);
    }

    private static void assertValid(Resource resource) {
        assertThat(FhirValidation.errors(resource)).as(resource.fhirType()).isEmpty();
    }
}
