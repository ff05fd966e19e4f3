package io.rapport.security;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.Api;
import io.rapport.TestDatabase;
import io.rapport.Web;
import io.rapport.alert.Alerts;
import io.rapport.security.apikey.ApiKeyService;
import io.rapport.security.smart.SmartClients;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One organization with an example of everything a caller could reach: pairs of two therapists, sessions, a pending
 * and an answered assignment, an alert, a webhook, accounts, and API keys of every role and scope.
 */
final class MatrixFixtures {

    static final String PASSWORD = "matrix password 1";
    /** The CDS Hooks service of {@code io.rapport.cds}. */
    static final String CDS_SERVICE = "rapport-alliance";
    static final String SRS_ANSWERS = "{\"answers\":{\"1\":9,\"2\":8.5,\"3\":7,\"4\":10}}";

    final UUID organizationId;
    final String admin;
    final String ehr;
    final String ehrRead;
    final String ehrWrite;
    final String pairId;
    final String sessionId;
    /** A pair of the second therapist, T-2, whom the therapist account of T-1 may not see. */
    final String otherTherapistsPairId;
    final String assignmentId;
    final String pendingToken;
    /** The stored response of the answered assignment. */
    final String responseId;
    final String alertId;
    final String webhookId;
    final String accountId;
    final String therapistUsername;
    final String adminUsername;

    MatrixFixtures(ApiKeyService apiKeys, Alerts alerts) {
        String slug = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> created = given().auth().oauth2(Api.OPERATOR_KEY).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Matrix clinic\"}").post("/api/v1/organizations")
                .then().statusCode(201).extract().as(Map.class);
        organizationId = UUID.fromString((String) created.get("id"));
        admin = (String) created.get("adminApiKey");
        ehr = QuarkusTransaction.requiringNew().call(() -> apiKeys.issue(organizationId, Roles.EHR, "ehr"));
        ehrRead = QuarkusTransaction.requiringNew()
                .call(() -> apiKeys.issue(organizationId, Roles.EHR, "ehr read", Set.of(Scopes.READ)));
        ehrWrite = QuarkusTransaction.requiringNew()
                .call(() -> apiKeys.issue(organizationId, Roles.EHR, "ehr write", Set.of(Scopes.WRITE)));

        as(admin).body("{\"displayName\":\"Client One\",\"email\":\"client@example.org\"}").put("/api/v1/clients/c-1")
                .then().statusCode(201);
        Response first = newSession("c-1", "T-1");
        pairId = first.path("pairId");
        sessionId = first.path("id");
        assignmentId = first.path("assignments[0].id");
        pendingToken = tokenOf(first);
        String answered = tokenOf(newSession("c-1", "T-1"));
        given().contentType(ContentType.JSON).body(SRS_ANSWERS).post("/api/v1/forms/" + answered + "/responses")
                .then().statusCode(201);
        responseId = as(admin).get("/api/v1/pairs/" + pairId + "/responses").then().statusCode(200).extract()
                .path("items[0].id");
        otherTherapistsPairId = newSession("c-2", "T-2").path("pairId");
        alertId = QuarkusTransaction.requiringNew().call(() -> alerts.raise(organizationId, UUID.fromString(pairId),
                "session-rating-4", "unrepaired", 2, Map.of("score", 31.5, "cutoff", 36))).orElseThrow()
                .toString();
        webhookId = newWebhook();
        therapistUsername = Web.username("matrix-t");
        accountId = as(admin).body("{\"username\":\"" + therapistUsername + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"therapist\",\"therapistId\":\"T-1\"}").post("/api/v1/accounts").then()
                .statusCode(201).extract().path("id");
        adminUsername = Web.username("matrix-a");
        Web.account(admin, adminUsername, PASSWORD, "admin", null);
    }

    /**
     * A valid body, also for endpoints whose body names an object it consumes: a QuestionnaireResponse answers a
     * fresh open Task of this organization.
     */
    String validBodyFor(String endpoint) {
        if (endpoint.equals("POST /cds-services/{id}")) {
            return cdsRequest();
        }
        if (endpoint.equals("POST /fhir/QuestionnaireResponse")) {
            return questionnaireResponse(newSession("c-1", "T-1").path("assignments[0].id"));
        }
        return validBody(endpoint);
    }

    static String questionnaireResponse(String taskId) {
        return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                + "\"basedOn\":[{\"reference\":\"Task/" + taskId + "\"}],"
                + "\"questionnaire\":\"urn:rapport:fhir:Questionnaire/session-rating-4|1.0.0\","
                + "\"subject\":{\"identifier\":{\"value\":\"c-1\"}},\"item\":["
                + "{\"linkId\":\"1\",\"answer\":[{\"valueDecimal\":9}]},"
                + "{\"linkId\":\"2\",\"answer\":[{\"valueDecimal\":8.5}]},"
                + "{\"linkId\":\"3\",\"answer\":[{\"valueDecimal\":7}]},"
                + "{\"linkId\":\"4\",\"answer\":[{\"valueDecimal\":10}]}]}";
    }

    /** A CDS Hooks call about this organization's client c-1 and therapist T-1. */
    String cdsRequest() {
        String patient = as(admin).contentType("application/fhir+json").queryParam("identifier", "c-1")
                .get("/fhir/Patient").then().statusCode(200).extract().path("entry[0].resource.id");
        String practitioner = as(admin).contentType("application/fhir+json").queryParam("identifier", "T-1")
                .get("/fhir/Practitioner").then().statusCode(200).extract().path("entry[0].resource.id");
        return "{\"hookInstance\":\"" + UUID.randomUUID() + "\",\"hook\":\"patient-view\",\"context\":{"
                + "\"patientId\":\"" + patient + "\",\"userId\":\"Practitioner/" + practitioner + "\"}}";
    }

    /** A valid body for each write endpoint, so that a wrong status is about authorization, not validation. */
    /** An inline JWKS with one public RSA key, for registering SMART clients. */
    static final String SMART_JWKS = SmartClients.jwks(SmartClients.rsa("matrix"));

    private SmartClients.Client smartClient;

    /** A SMART client of this organization, registered on first use. */
    SmartClients.Client smartClient() {
        if (smartClient == null) {
            smartClient = SmartClients.register(admin, "system/*.read", "system/*.write");
        }
        return smartClient;
    }

    static String validBody(String endpoint) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return switch (endpoint) {
            case "POST /api/v1/questionnaires/{id}/score", "POST /api/v1/forms/{token}/responses" -> SRS_ANSWERS;
            case "PUT /api/v1/schedule" -> "{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1}]}";
            case "PUT /api/v1/therapists/{externalId}" -> "{\"displayName\":\"Therapist\",\"email\":\"t@example.org\"}";
            case "PUT /api/v1/pairs/{pairId}/tags" -> "{\"tags\":[\"matrix\"]}";
            case "PUT /api/v1/pairs/{pairId}/client-chart" -> "{\"clientChart\":true}";
            case "PUT /api/v1/clients/{externalId}" -> "{\"displayName\":\"Client\",\"preferredLanguage\":\"en\"}";
            case "POST /api/v1/sessions" -> "{\"clientId\":\"c-1\",\"therapistId\":\"T-1\","
                    + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"E-" + unique + "\"}";
            case "POST /api/v1/webhooks" -> "{\"url\":\"http://127.0.0.1:9/matrix\",\"description\":\"matrix\","
                    + "\"eventTypes\":[\"alert.below-cutoff\"]}";
            case "POST /fhir/Encounter" -> "{\"resourceType\":\"Encounter\",\"status\":\"finished\","
                    + "\"identifier\":[{\"value\":\"E-" + unique + "\"}],\"subject\":{\"identifier\":{\"value\":\"c-1\"}},"
                    + "\"participant\":[{\"individual\":{\"identifier\":{\"value\":\"T-1\"}}}],"
                    + "\"period\":{\"start\":\"2026-11-20T15:00:00Z\"}}";
            // A Task nobody can answer, where no fixture is at hand; see validBodyFor.
            case "POST /fhir/QuestionnaireResponse" -> questionnaireResponse(UUID.randomUUID().toString());
            case "PUT /fhir/Patient" -> "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Client\"}],"
                    + "\"communication\":[{\"language\":{\"coding\":[{\"code\":\"en\"}]}}]}";
            case "PUT /fhir/Practitioner" -> "{\"resourceType\":\"Practitioner\",\"name\":[{\"text\":\"T\"}],"
                    + "\"telecom\":[{\"system\":\"email\",\"value\":\"t@example.org\"}]}";
            case "POST /api/v1/organizations" -> "{\"slug\":\"m-" + unique + "\",\"name\":\"Matrix\"}";
            case "POST /api/v1/api-keys" -> "{\"name\":\"matrix " + unique + "\",\"role\":\"ehr\",\"scopes\":[\"read\"]}";
            case "POST /api/v1/accounts" -> "{\"username\":\"m-" + unique + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"therapist\",\"therapistId\":\"T-1\"}";
            case "POST /f" -> "csrf=x&1=9";
            case "POST /api/v1/smart-clients" -> "{\"name\":\"matrix " + unique + "\",\"jwks\":" + SMART_JWKS
                    + ",\"scopes\":[\"system/*.read\",\"system/QuestionnaireResponse.write\"]}";
            case "PUT /api/v1/published-constants/{questionnaireId}/{version}" -> "{\"citation\":\"Matrix (2026)\","
                    + "\"link\":\"https://example.org/matrix\","
                    + "\"scales\":{\"total\":{\"referenceSd\":5.0,\"reliability\":0.8}}}";
            case "PUT /api/v1/trend-settings" -> "{\"rciZ\":1.96,\"personalDropMinEarlier\":3,"
                    + "\"personalDropSdMultiplier\":2,\"repairWindow\":3,\"noResponseExpiries\":2}";
            // The body is optional; the note is kept.
            case "POST /api/v1/alerts/{alertId}/acknowledge" -> "{\"note\":\"Discussed in supervision.\"}";
            case "PUT /api/v1/organization" -> "{\"name\":\"Matrix clinic\",\"linkTtlHours\":72,"
                    + "\"reminderDelayHours\":24,\"languages\":[\"en\",\"es\",\"de\"]}";
            default -> null;
        };
    }

    Response newSession(String client, String therapist) {
        Response r = as(admin).body(Api.session(client, therapist)).post("/api/v1/sessions");
        r.then().statusCode(201);
        return r;
    }

    /** A link nobody has used yet, for a request that consumes one. */
    String freshToken() {
        return tokenOf(newSession("c-1", "T-1"));
    }

    /** A new EHR key of organization A, for a call that revokes or rotates one. */
    String newApiKey() {
        return as(admin).body(validBody("POST /api/v1/api-keys")).post("/api/v1/api-keys").then().statusCode(201)
                .extract().path("apiKey.id");
    }

    String newWebhook() {
        return as(admin).body("{\"url\":\"http://127.0.0.1:9/matrix\",\"description\":\"matrix\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    /**
     * A delivery to {@link #webhookId} that failed for good: a test event whose retry window is made to have run
     * out, so that the relay leaves it failed whatever attempt it has under way.
     */
    String failedDelivery() {
        String event = as(admin).post("/api/v1/webhooks/" + webhookId + "/test").then().statusCode(202).extract()
                .path("id");
        try (Connection c = TestDatabase.owner().getConnection();
                PreparedStatement s = c.prepareStatement("update webhook_delivery set status = 'failed',"
                        + " created_at = now() - interval '4 days' where event_id = ?::uuid")) {
            s.setString(1, event);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    private static String tokenOf(Response session) {
        String url = session.path("assignments[0].formUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
