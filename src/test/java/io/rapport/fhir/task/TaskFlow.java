package io.rapport.fhir.task;

import static io.rapport.fhir.FhirApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import io.rapport.Api;
import io.rapport.TestDatabase;
import io.rapport.fhir.FhirApi;
import io.restassured.response.Response;

/** The steps an EHR takes in the Task and QuestionnaireResponse tests, through /fhir and /api/v1 only. */
public final class TaskFlow {

    static final String ENCOUNTER = """
            {"resourceType":"Encounter","status":"finished",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
             "identifier":[{"value":"%s"}],"subject":{"identifier":{"value":"%s"}},
             "participant":[{"individual":{"identifier":{"value":"t-1"}}}],
             "period":{"start":"2026-11-20T15:00:00Z"}}""";

    private TaskFlow() {
    }

    /** The client's Patient, created by a conditional update. */
    public static Patient patient(String key, String clientId) {
        Response r = as(key).queryParam("identifier", clientId).body("{\"resourceType\":\"Patient\"}")
                .put("/fhir/Patient");
        assertThat(r.statusCode()).as(r.asString()).isIn(200, 201);
        return FhirApi.read(r, Patient.class);
    }

    /** A session recorded as an Encounter; its assignments become Tasks. */
    public static Encounter encounter(String key, String clientId) {
        Response r = as(key).body(ENCOUNTER.formatted("enc-" + UUID.randomUUID(), clientId)).post("/fhir/Encounter");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return FhirApi.read(r, Encounter.class);
    }

    /** Session ratings and the WAI-SR at every session, so both answer types (decimal and choice) are asked. */
    public static void askBoth(String key) {
        Api.as(key).body("{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1},"
                + "{\"questionnaireId\":\"wai-sr\",\"every\":1}]}").put("/api/v1/schedule").then().statusCode(200);
    }

    public static Bundle search(String key, String path) {
        Response r = as(key).get(path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return FhirApi.read(r, Bundle.class);
    }

    @SuppressWarnings("unchecked")
    public static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        assertThat(bundle.getEntry()).hasSize(1);
        return (T) bundle.getEntryFirstRep().getResource();
    }

    /** Runs one statement as the schema owner, e.g. to move a time into the past. */
    public static void sql(String statement, String id) {
        try (Connection c = TestDatabase.owner().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
