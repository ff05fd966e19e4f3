package io.rapport.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.rapport.alert.Alerts;
import io.rapport.security.apikey.ApiKeyService;
import io.rapport.security.smart.SmartClients;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every API endpoint of the OpenAPI document, called by every kind of caller on objects of organization A. The
 * {@link #TABLE} is the single statement of who may do what; the build fails when an endpoint is added or removed
 * without updating it.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who calls. Every column but {@link #OTHER_ORGANIZATION} belongs to organization A or to nobody. */
    enum As {
        /** No credential at all; on the form endpoint, a token nobody was given. */
        ANONYMOUS,
        /** The platform operator's key. */
        OPERATOR,
        ADMIN,
        /** An EHR key issued without scopes: full EHR access, as every key before scopes existed. */
        EHR,
        EHR_READ_ONLY,
        EHR_WRITE_ONLY,
        /** Organization B's admin key on organization A's objects. */
        OTHER_ORGANIZATION,
        /** A client's form link: in the path of the form endpoint, elsewhere presented as a bearer key. */
        CLIENT_LINK
    }

    record Row(String method, String path, int... expected) {

        String endpoint() {
            return method + " " + path;
        }
    }

    private static Row row(String method, String path, int anonymous, int operator, int admin, int ehr,
            int ehrReadOnly, int ehrWriteOnly, int otherOrganization, int clientLink) {
        return new Row(method, path, anonymous, operator, admin, ehr, ehrReadOnly, ehrWriteOnly, otherOrganization,
                clientLink);
    }

    // @formatter:off
    static final List<Row> TABLE = List.of(
            //                                                          anon oper admin ehr read write other link
            row("GET",    "/api/v1/questionnaires",                      401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/api/v1/questionnaires/{id}",                 401, 403, 200, 200, 200, 403, 200, 401),
            // Scoring stores nothing, so it needs the read scope.
            row("POST",   "/api/v1/questionnaires/{id}/score",           401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/api/v1/schedule",                            401, 403, 200, 200, 200, 403, 200, 401),
            // Another organization's admin replaces its own schedule.
            row("PUT",    "/api/v1/schedule",                            401, 403, 200, 403, 403, 403, 200, 401),
            // External ids name records within the caller's organization: B creates its own therapist.
            row("PUT",    "/api/v1/therapists/{externalId}",             401, 403, 201, 201, 403, 201, 201, 401),
            row("PUT",    "/api/v1/clients/{externalId}",                401, 403, 201, 201, 403, 201, 201, 401),
            // A random client id: admins get 404 for a client that does not exist; erasure itself is tested in
            // ClientDataRightsTest.
            row("DELETE", "/api/v1/clients/{externalId}",                401, 403, 404, 403, 403, 403, 404, 401),
            row("GET",    "/api/v1/clients/{externalId}/export",         401, 403, 404, 403, 403, 403, 404, 401),
            row("GET",    "/api/v1/audit",                               401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/trend-settings",                      401, 403, 200, 200, 200, 403, 200, 401),
            row("PUT",    "/api/v1/trend-settings",                      401, 403, 200, 403, 403, 403, 200, 401),
            row("DELETE", "/api/v1/trend-settings",                      401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/norms",                               401, 403, 200, 200, 200, 403, 200, 401),
            row("POST",   "/api/v1/norms/recompute",                     401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/published-constants",                 401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/api/v1/published-constants/{questionnaireId}/{version}/revisions",
                                                                         401, 403, 200, 200, 200, 403, 200, 401),
            // Each organization sets its own constants; the DELETE row runs after this one, so there is a set to
            // withdraw, once: the second admin call of the row finds it withdrawn.
            row("PUT",    "/api/v1/published-constants/{questionnaireId}/{version}",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            row("DELETE", "/api/v1/published-constants/{questionnaireId}/{version}",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            // Aggregates are for admins; therapists see their own on the pages. B's admin reads B's own T-1.
            row("GET",    "/api/v1/insights/{questionnaireId}/accuracy", 401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/insights/{questionnaireId}/organization",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/insights/{questionnaireId}/reliability",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/insights/{questionnaireId}/therapists",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/insights/{questionnaireId}/therapists/{therapistId}",
                                                                         401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/insights/{questionnaireId}/tags",     401, 403, 200, 403, 403, 403, 200, 401),
            // B's admin asks B's organization, which carries no tag: 404.
            row("GET",    "/api/v1/insights/{questionnaireId}/tags/{tag}",
                                                                         401, 403, 200, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/sessions",                            401, 403, 201, 201, 403, 201, 201, 401),
            row("GET",    "/api/v1/pairs",                               401, 403, 200, 200, 200, 403, 200, 401),
            row("PUT",    "/api/v1/pairs/{pairId}/tags",                 401, 403, 200, 200, 403, 200, 404, 401),
            // The client's own chart for the pair: a write, like its tags.
            row("PUT",    "/api/v1/pairs/{pairId}/client-chart",         401, 403, 200, 200, 403, 200, 404, 401),
            row("GET",    "/api/v1/pairs/{pairId}",                      401, 403, 200, 200, 200, 403, 404, 401),
            row("GET",    "/api/v1/pairs/{pairId}/trends",               401, 403, 200, 200, 200, 403, 404, 401),
            row("GET",    "/api/v1/pairs/{pairId}/responses",            401, 403, 200, 200, 200, 403, 404, 401),
            row("POST",   "/api/v1/assignments/{id}/email",              401, 403, 202, 202, 403, 202, 404, 401),
            row("GET",    "/api/v1/assignments/{id}/qr.png",             401, 403, 200, 200, 200, 403, 404, 401),
            row("POST",   "/api/v1/assignments/{id}/in-session",         401, 403, 201, 201, 403, 201, 404, 401),
            // The link is the credential, whoever else the caller is; a read-only key may still not write.
            row("POST",   "/api/v1/forms/{token}/responses",             404, 201, 201, 201, 403, 201, 201, 201),
            row("GET",    "/api/v1/alerts",                              401, 403, 200, 200, 200, 403, 200, 401),
            row("POST",   "/api/v1/alerts/{alertId}/acknowledge",        401, 403, 200, 200, 403, 200, 404, 401),
            row("POST",   "/api/v1/webhooks",                            401, 403, 201, 403, 403, 403, 201, 401),
            row("GET",    "/api/v1/webhooks",                            401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/webhooks/{webhookId}",                401, 403, 200, 403, 403, 403, 404, 401),
            row("DELETE", "/api/v1/webhooks/{webhookId}",                401, 403, 204, 403, 403, 403, 404, 401),
            // Disable and delete get a fresh endpoint of A each call; the others use A's one, which stays enabled.
            row("POST",   "/api/v1/webhooks/{webhookId}/disable",        401, 403, 200, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/webhooks/{webhookId}/enable",         401, 403, 200, 403, 403, 403, 404, 401),
            row("GET",    "/api/v1/webhooks/{webhookId}/deliveries",     401, 403, 200, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/webhooks/{webhookId}/test",           401, 403, 202, 403, 403, 403, 404, 401),
            // A fresh delivery of A's endpoint that failed for good, each call.
            row("POST",   "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
                                                                         401, 403, 202, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/organizations",                       401, 201, 403, 403, 403, 403, 403, 401),
            // The caller's own organization: B's admin reads and changes B's settings.
            row("GET",    "/api/v1/organization",                        401, 403, 200, 403, 403, 403, 200, 401),
            row("PUT",    "/api/v1/organization",                        401, 403, 200, 403, 403, 403, 200, 401),
            row("POST",   "/api/v1/accounts",                            401, 403, 201, 403, 403, 403, 201, 401),
            row("GET",    "/api/v1/accounts",                            401, 403, 200, 403, 403, 403, 200, 401),
            row("POST",   "/api/v1/accounts/{accountId}/deactivate",     401, 403, 200, 403, 403, 403, 404, 401),
            // Each organization's admin issues its own keys; revoke and rotate get a fresh key of A each call.
            row("POST",   "/api/v1/api-keys",                            401, 403, 201, 403, 403, 403, 201, 401),
            row("GET",    "/api/v1/api-keys",                            401, 403, 200, 403, 403, 403, 200, 401),
            row("POST",   "/api/v1/api-keys/{keyId}/revoke",             401, 403, 200, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/api-keys/{keyId}/rotate",             401, 403, 201, 403, 403, 403, 404, 401),
            // SMART Backend Services clients (io.rapport.security.smart): each organization's admin registers its own;
            // disable gets a fresh client of A each call, the others A's one, which stays enabled.
            row("POST",   "/api/v1/smart-clients",                       401, 403, 201, 403, 403, 403, 201, 401),
            row("GET",    "/api/v1/smart-clients",                       401, 403, 200, 403, 403, 403, 200, 401),
            row("GET",    "/api/v1/smart-clients/{clientId}",            401, 403, 200, 403, 403, 403, 404, 401),
            row("POST",   "/api/v1/smart-clients/{clientId}/disable",    401, 403, 200, 403, 403, 403, 404, 401),
            // The client authenticates with its signed assertion in the body (a fresh one of A's client each call);
            // whatever else the caller sends is ignored. The discovery document is public.
            row("POST",   "/oauth/token",                                200, 200, 200, 200, 200, 200, 200, 200),
            row("GET",    "/.well-known/smart-configuration",            200, 200, 200, 200, 200, 200, 200, 200),
            // The FHIR facade (io.rapport.fhir): the same credentials and scopes as /api/v1, errors as
            // OperationOutcome. The CapabilityStatement is public, yet a presented credential is still checked.
            row("GET",    "/fhir/metadata",                              200, 200, 200, 200, 200, 403, 200, 401),
            row("GET",    "/fhir/Questionnaire",                         401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/fhir/Questionnaire/{id}",                    401, 403, 200, 200, 200, 403, 200, 401),
            // Patients and Practitioners by Rapport's id: random ids are 404 for everyone who may read.
            row("GET",    "/fhir/Patient/{id}",                          401, 403, 404, 404, 404, 403, 404, 401),
            row("GET",    "/fhir/Patient",                               401, 403, 200, 200, 200, 403, 200, 401),
            // Conditional update by the EHR's id, within the caller's organization, like PUT /clients/{id}.
            row("PUT",    "/fhir/Patient",                               401, 403, 201, 201, 403, 201, 201, 401),
            row("GET",    "/fhir/Practitioner/{id}",                     401, 403, 404, 404, 404, 403, 404, 401),
            row("GET",    "/fhir/Practitioner",                          401, 403, 200, 200, 200, 403, 200, 401),
            row("PUT",    "/fhir/Practitioner",                          401, 403, 201, 201, 403, 201, 201, 401),
            // A session recorded the FHIR way, with the same rights as POST /sessions.
            row("POST",   "/fhir/Encounter",                             401, 403, 201, 201, 403, 201, 201, 401),
            row("GET",    "/fhir/Encounter/{id}",                        401, 403, 200, 200, 200, 403, 404, 401),
            // Assignments as Tasks and stored responses, read like Patients: the fixtures' own, so readers get 200.
            row("GET",    "/fhir/Task/{id}",                             401, 403, 200, 200, 200, 403, 404, 401),
            row("GET",    "/fhir/Task",                                  401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/fhir/QuestionnaireResponse/{id}",            401, 403, 200, 200, 200, 403, 404, 401),
            row("GET",    "/fhir/QuestionnaireResponse",                 401, 403, 200, 200, 200, 403, 200, 401),
            // Answers the EHR collected complete a fresh Task of A, written like POST /fhir/Encounter; another
            // organization cannot name A's Task (422 on basedOn, nothing stored).
            row("POST",   "/fhir/QuestionnaireResponse",                 401, 403, 201, 201, 403, 201, 422, 401),
            // Scores as Observations and alerts as Flags, searched per patient (another organization's: none).
            row("GET",    "/fhir/Observation",                           401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/fhir/Observation/{id}",                      401, 403, 404, 404, 404, 403, 404, 401),
            row("GET",    "/fhir/Flag",                                  401, 403, 200, 200, 200, 403, 200, 401),
            row("GET",    "/fhir/Flag/{id}",                             401, 403, 200, 200, 200, 403, 404, 401),
            // CDS Hooks: discovery is public like /fhir/metadata; a call reads client data, so read scope, and
            // another organization's patient is unknown (404). Errors are problem details.
            row("GET",    "/cds-services",                               200, 200, 200, 200, 200, 403, 200, 401),
            row("POST",   "/cds-services/{id}",                          401, 403, 200, 200, 200, 403, 404, 401),
            // The client's form pages: only the link (then its cookie) counts; API keys mean nothing outside /api.
            row("GET",    "/f/{token}",                                  404, 303, 303, 303, 303, 303, 303, 303),
            row("GET",    "/f",                                          200, 200, 200, 200, 200, 200, 200, 200),
            // Without the cookie the link sets, nobody may post answers.
            row("POST",   "/f",                                          403, 403, 403, 403, 403, 403, 403, 403));
    // @formatter:on

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options");

    @Inject
    ApiKeyService apiKeys;
    @Inject
    Alerts alerts;

    @Test
    void shouldListEveryEndpointOfTheOpenApiDocumentAndNoOther() {
        Set<String> documented = documentedEndpoints();
        Set<String> listed = new TreeSet<>();
        TABLE.forEach(r -> assertThat(listed.add(r.endpoint())).as("listed once: " + r.endpoint()).isTrue());

        assertThat(difference(documented, listed)).as("endpoints missing from the authorization table").isEmpty();
        assertThat(difference(listed, documented)).as("endpoints in the table that no longer exist").isEmpty();
        TABLE.forEach(r -> assertThat(r.expected()).as(r.endpoint()).hasSize(As.values().length));
    }

    @TestFactory
    Stream<DynamicNode> shouldAnswerEachCallerAsTheTableSays() {
        MatrixFixtures a = new MatrixFixtures(apiKeys, alerts);
        MatrixFixtures b = new MatrixFixtures(apiKeys, alerts);
        // A program tag only organization A carries.
        Api.as(a.admin).body("{\"tags\":[\"matrix\"]}").put("/api/v1/pairs/" + a.pairId + "/tags").then()
                .statusCode(200);
        return TABLE.stream().map(r -> DynamicContainer.dynamicContainer(r.endpoint(),
                Stream.of(As.values()).map(as -> DynamicTest.dynamicTest(as.name(), () -> {
                    Response response = call(r, as, a, b);
                    int expected = r.expected()[as.ordinal()];
                    assertThat(response.statusCode()).as("%s as %s: %s", r.endpoint(), as, response.asString())
                            .isEqualTo(expected);
                    if (expected >= 400 && (r.path().startsWith("/api/") || r.path().startsWith("/cds-services"))) {
                        assertThat(response.contentType()).as(r.endpoint()).startsWith("application/problem+json");
                    }
                    if (expected >= 400 && r.path().startsWith("/fhir/")) {
                        assertThat(response.contentType()).as(r.endpoint()).startsWith("application/fhir+json");
                        assertThat(response.jsonPath().getString("resourceType")).as(r.endpoint())
                                .isEqualTo("OperationOutcome");
                    }
                }))));
    }

    @Test
    void shouldShowPairPagesOnlyToTheirTherapistAndTheirOrganizationsAdmins() {
        MatrixFixtures a = new MatrixFixtures(apiKeys, alerts);
        MatrixFixtures b = new MatrixFixtures(apiKeys, alerts);
        Web.Session therapist = Web.login(a.therapistUsername, MatrixFixtures.PASSWORD);
        Web.Session admin = Web.login(a.adminUsername, MatrixFixtures.PASSWORD);
        Web.Session otherAdmin = Web.login(b.adminUsername, MatrixFixtures.PASSWORD);

        therapist.spec().get("/app/pairs/" + a.pairId).then().statusCode(200);
        therapist.spec().get("/app/pairs/" + a.otherTherapistsPairId).then().statusCode(404);
        therapist.spec().get("/app/pairs/" + b.pairId).then().statusCode(404);
        therapist.spec().get("/app/accounts").then().statusCode(403);
        admin.spec().get("/app/pairs/" + a.pairId).then().statusCode(200);
        admin.spec().get("/app/pairs/" + a.otherTherapistsPairId).then().statusCode(200);
        admin.spec().get("/app/accounts").then().statusCode(200);
        otherAdmin.spec().get("/app/pairs/" + a.pairId).then().statusCode(404);
        given().redirects().follow(false).get("/app/pairs/" + a.pairId).then().statusCode(303)
                .header("Location", endsWith("/login"));

        // The client's own chart: the pair's therapist and the organization's admins turn it off or on.
        String chart = "/app/pairs/%s/client-chart";
        therapist.postForm(chart.formatted(a.pairId), therapist.csrf(), Map.of("show", "on")).then().statusCode(303);
        therapist.postForm(chart.formatted(a.otherTherapistsPairId), therapist.csrf(), Map.of("show", "off")).then()
                .statusCode(404);
        therapist.postForm(chart.formatted(b.pairId), therapist.csrf(), Map.of("show", "off")).then().statusCode(404);
        therapist.postForm(chart.formatted(a.pairId), "forged", Map.of("show", "off")).then().statusCode(403);
        admin.postForm(chart.formatted(a.otherTherapistsPairId), admin.csrf(), Map.of("show", "on")).then()
                .statusCode(303);
        otherAdmin.postForm(chart.formatted(a.pairId), otherAdmin.csrf(), Map.of("show", "off")).then()
                .statusCode(404);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("show", "off")
                .post(chart.formatted(a.pairId)).then().statusCode(303).header("Location", endsWith("/login"));
        Api.as(a.admin).get("/api/v1/pairs/" + a.pairId).then().statusCode(200)
                .body("clientChart", equalTo(true));

        // The therapist's own rating of a session: only the pair's therapist rates, never an admin for them.
        String rating = "/app/pairs/%s/sessions/%s/rating";
        therapist.postForm(rating.formatted(a.pairId, a.sessionId), therapist.csrf(), Map.of()).then()
                .statusCode(303);
        therapist.postForm(rating.formatted(a.otherTherapistsPairId, a.sessionId), therapist.csrf(), Map.of())
                .then().statusCode(404);
        therapist.postForm(rating.formatted(b.pairId, b.sessionId), therapist.csrf(), Map.of()).then()
                .statusCode(404);
        therapist.postForm(rating.formatted(a.pairId, b.sessionId), therapist.csrf(), Map.of()).then()
                .statusCode(404);
        therapist.postForm(rating.formatted(a.pairId, a.sessionId), "forged", Map.of()).then().statusCode(403);
        admin.postForm(rating.formatted(a.pairId, a.sessionId), admin.csrf(), Map.of()).then().statusCode(404);
        otherAdmin.postForm(rating.formatted(a.pairId, a.sessionId), otherAdmin.csrf(), Map.of()).then()
                .statusCode(404);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post(rating.formatted(a.pairId, a.sessionId)).then().statusCode(303)
                .header("Location", endsWith("/login"));
    }

    @Test
    void shouldNeverLetAPageSessionCallTheApi() {
        MatrixFixtures a = new MatrixFixtures(apiKeys, alerts);
        Web.Session admin = Web.login(a.adminUsername, MatrixFixtures.PASSWORD);

        admin.spec().get("/api/v1/pairs/" + a.pairId).then().statusCode(401);
        admin.spec().get("/api/v1/accounts").then().statusCode(401);
    }

    @Test
    void shouldRejectAnUnsignedJwt() {
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJlaHIiLCJyYXBwb3J0X29yZyI6ImRlZmF1bHQifQ.";
        given().auth().oauth2(unsigned).get("/api/v1/pairs").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /**
     * SMART access tokens (io.rapport.security.smart) on every FHIR row: one with {@code system/*.read} is answered as
     * a read-only key, one with {@code system/*.write} as a write-only key. On /api/v1 they are no credential.
     */
    @TestFactory
    Stream<DynamicNode> shouldAnswerSmartTokensOnFhirAsScopedKeysAndRefuseThemOnTheJsonApi() {
        MatrixFixtures a = new MatrixFixtures(apiKeys, alerts);
        String reader = a.smartClient().token("system/*.read");
        String writer = a.smartClient().token("system/*.write");
        return TABLE.stream().filter(r -> r.path().startsWith("/fhir/")
                || r.path().startsWith("/api/") && !r.path().contains("{token}"))
                .map(r -> DynamicTest.dynamicTest(r.endpoint(), () -> {
                    boolean fhir = r.path().startsWith("/fhir/");
                    Response read = call(r, reader, As.EHR_READ_ONLY, a);
                    assertThat(read.statusCode()).as("%s with system/*.read: %s", r.endpoint(), read.asString())
                            .isEqualTo(fhir ? r.expected()[As.EHR_READ_ONLY.ordinal()] : 401);
                    Response write = call(r, writer, As.EHR_WRITE_ONLY, a);
                    assertThat(write.statusCode()).as("%s with system/*.write: %s", r.endpoint(), write.asString())
                            .isEqualTo(fhir ? r.expected()[As.EHR_WRITE_ONLY.ordinal()] : 401);
                }));
    }

    private static Response call(Row r, As as, MatrixFixtures a, MatrixFixtures b) {
        boolean form = r.path().contains("{token}");
        String key = switch (as) {
            case ANONYMOUS -> null;
            case OPERATOR -> Api.OPERATOR_KEY;
            case ADMIN -> a.admin;
            case EHR -> a.ehr;
            case EHR_READ_ONLY -> a.ehrRead;
            case EHR_WRITE_ONLY -> a.ehrWrite;
            case OTHER_ORGANIZATION -> b.admin;
            case CLIENT_LINK -> form ? null : a.pendingToken;
        };
        return call(r, key, as, a);
    }

    private static Response call(Row r, String key, As as, MatrixFixtures a) {
        RequestSpecification spec = given().redirects().follow(false)
                .contentType(r.path().startsWith("/fhir/") ? "application/fhir+json"
                        : (r.path().startsWith("/f") || r.path().startsWith("/oauth/") ? ContentType.URLENC
                                : ContentType.JSON).toString());
        if (key != null) {
            spec.auth().oauth2(key);
        }
        if (r.endpoint().equals("POST /oauth/token")) {
            spec.formParam("grant_type", "client_credentials").formParam("scope", "system/*.read")
                    .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .formParam("client_assertion", a.smartClient().assertion());
        }
        String body = a.validBodyFor(r.endpoint());
        if (body != null) {
            spec.body(body);
        }
        return spec.request(r.method(), pathOf(r, as, a));
    }

    /** Fills the path template with objects of organization A, fresh ones where the call would consume them. */
    private static String pathOf(Row r, As as, MatrixFixtures a) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("{pairId}", () -> a.pairId);
        values.put("{alertId}", () -> a.alertId);
        values.put("{accountId}", () -> a.accountId);
        values.put("{keyId}", a::newApiKey);
        values.put("{questionnaireId}", () -> "session-rating-4");
        values.put("{version}", () -> "1.0.0");
        values.put("{therapistId}", () -> "T-1");
        values.put("{tag}", () -> "matrix");
        values.put("{externalId}", () -> "x-" + UUID.randomUUID());
        values.put("{webhookId}", () -> r.method().equals("DELETE") || r.path().endsWith("/disable") ? a.newWebhook()
                : a.webhookId);
        values.put("{deliveryId}", a::failedDelivery);
        values.put("{clientId}", () -> r.path().endsWith("/disable") ? SmartClients.register(a.admin, "system/*.read").id()
                : a.smartClient().id());
        values.put("{token}", () -> as == As.ANONYMOUS ? Secrets.newToken() : a.freshToken());
        values.put("{id}", () -> idOf(r.path(), a));
        String path = r.path()
                + (r.path().matches("/fhir/(Patient|Practitioner)") ? "?identifier=x-" + UUID.randomUUID() : "")
                + (r.path().matches("/fhir/(Observation|Flag)") ? "?patient=" + UUID.randomUUID() : "");
        for (Map.Entry<String, Supplier<String>> v : values.entrySet()) {
            if (path.contains(v.getKey())) {
                path = path.replace(v.getKey(), v.getValue().get());
            }
        }
        return path;
    }

    /** An {@code {id}} of organization A: real where readers should see it, random where only 404 can answer. */
    private static String idOf(String path, MatrixFixtures a) {
        if (path.startsWith("/api/v1/questionnaires")) {
            return "session-rating-4";
        }
        if (path.startsWith("/cds-services/")) {
            return MatrixFixtures.CDS_SERVICE;
        }
        if (path.startsWith("/fhir/Flag/")) {
            return a.alertId;
        }
        if (path.startsWith("/fhir/Encounter/")) {
            return a.sessionId;
        }
        if (path.startsWith("/fhir/Task")) {
            return a.assignmentId;
        }
        if (path.startsWith("/fhir/QuestionnaireResponse")) {
            return a.responseId;
        }
        if (path.startsWith("/fhir/Questionnaire")) {
            return "session-rating-4-1.0.0";
        }
        return path.startsWith("/fhir/") ? UUID.randomUUID().toString() : a.assignmentId;
    }

    private static Set<String> documentedEndpoints() {
        JsonPath doc = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        return endpoints;
    }

    private static List<String> difference(Set<String> left, Set<String> right) {
        List<String> result = new ArrayList<>(left);
        result.removeAll(right);
        return result;
    }
}
