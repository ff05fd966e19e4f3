package io.rapport.rights;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.audit.AuditChain;
import io.rapport.delivery.FormFixtures;
import io.rapport.security.Roles;
import io.rapport.security.apikey.ApiKeyService;

@QuarkusTest
class ClientDataRightsTest {

    private static final String NAME = "Ada Quill";
    private static final String EMAIL = "ada.quill@example.org";

    @Inject
    DataSource db;
    @Inject
    AuditChain chain;
    @Inject
    ApiKeyService apiKeys;

    FormFixtures fixtures;
    FormFixtures.Created created;
    UUID organization;

    /** Client c-1 with a name and e-mail, one session, and low answers that raise a below-cutoff alert. */
    @BeforeEach
    void clientWithAnAnsweredSession() {
        fixtures = new FormFixtures(db);
        String key = Api.newOrganization();
        as(key).body("{\"displayName\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\",\"preferredLanguage\":\"de\"}")
                .put("/api/v1/clients/c-1").then().statusCode(201);
        created = fixtures.session(key, "c-1");
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("1", "1", "1", "1"))
                .post("/api/v1/forms/" + created.token() + "/responses").then().statusCode(201);
        as(key).post("/api/v1/assignments/" + created.assignmentId() + "/in-session");
        organization = UUID.fromString(
                fixtures.string("select organization_id from pair where id = ?", UUID.fromString(created.pairId())));
    }

    @Test
    void shouldExportTheClientsRecordPairsSessionsResponsesAndAlertsWithoutTokens() {
        var export = as(created.key()).get("/api/v1/clients/c-1/export").then().statusCode(200)
                .body("client.externalId", equalTo("c-1"))
                .body("client.displayName", equalTo(NAME))
                .body("client.email", equalTo(EMAIL))
                .body("pairs", hasSize(1))
                .body("pairs[0].id", equalTo(created.pairId()))
                .body("pairs[0].therapistId", equalTo("t-1"))
                .body("pairs[0].sessions[0].id", equalTo(created.sessionId()))
                .body("pairs[0].sessions[0].assignments[0].id", equalTo(created.assignmentId()))
                .body("pairs[0].sessions[0].assignments[0].status", equalTo("completed"))
                .body("responses", hasSize(1))
                .body("responses[0].answers.1", equalTo(1))
                .body("responses[0].score", notNullValue())
                .body("alerts[0].type", equalTo("below-cutoff"))
                .extract().asString();

        assertThat(export).doesNotContain(created.token()).doesNotContainIgnoringCase("token")
                .doesNotContain("formUrl");
    }

    @Test
    void shouldEraseAnswersScoresAndPersonalDetailsButKeepIdsAndTheAuditTrail() {
        String key = created.key();
        as(key).get("/api/v1/pairs/" + created.pairId() + "/responses").then().body("items", hasSize(1));
        as(key).get("/api/v1/pairs/" + created.pairId() + "/trends").then().body("[0].points", hasSize(1));

        as(key).delete("/api/v1/clients/c-1").then().statusCode(204);

        as(key).get("/api/v1/pairs/" + created.pairId() + "/responses").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        List<Map<String, Object>> trends = as(key).get("/api/v1/pairs/" + created.pairId() + "/trends").then()
                .statusCode(200).extract().path("");
        assertThat(trends).allSatisfy(t -> assertThat((List<?>) t.get("points")).isEmpty());
        as(key).get("/api/v1/clients/c-1/export").then().statusCode(200)
                .body("client.displayName", nullValue()).body("client.email", nullValue())
                .body("client.preferredLanguage", nullValue()).body("client.erasedAt", notNullValue())
                .body("responses", hasSize(0)).body("alerts", hasSize(0))
                .body("pairs[0].sessions[0].assignments[0].status", equalTo("cancelled"));
        assertThat(fixtures.count("select count(*) from outbox where pair_id = ?", UUID.fromString(created.pairId())))
                .isZero();
        assertThat(fixtures.count("select count(*) from form_visit where session_id = ?",
                UUID.fromString(created.sessionId()))).isZero();
        assertThat(fixtures.count("select count(*) from assignment_link where assignment_id = ?",
                UUID.fromString(created.assignmentId()))).isZero();
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("9", "9", "9", "9"))
                .post("/api/v1/forms/" + created.token() + "/responses").then().statusCode(410);

        List<Map<String, Object>> trail = as(key).queryParam("clientId", "c-1").queryParam("size", "200")
                .get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertThat(trail).extracting(r -> r.get("action")).contains("erase", "submit", "create", "read");
        String everything = fixtures.string("select string_agg(a::text, ' ') from audit_event a where organization_id = ?",
                organization);
        assertThat(everything).doesNotContain(NAME).doesNotContain(EMAIL).doesNotContain("\"answers\"");
        assertThat(chain.verify(organization).intact()).isTrue();
    }

    @Test
    void shouldAnswer204WhenErasingAgain() {
        as(created.key()).delete("/api/v1/clients/c-1").then().statusCode(204);
        as(created.key()).delete("/api/v1/clients/c-1").then().statusCode(204);
        as(created.key()).delete("/api/v1/clients/never-seen").then().statusCode(404);
    }

    @Test
    void shouldNotFindAnotherOrganizationsClient() {
        String other = Api.newOrganization();

        as(other).delete("/api/v1/clients/c-1").then().statusCode(404);
        as(other).get("/api/v1/clients/c-1/export").then().statusCode(404);

        as(created.key()).get("/api/v1/pairs/" + created.pairId() + "/responses").then().body("items", hasSize(1));
        as(other).queryParam("objectId", "c-1").get("/api/v1/audit").then().statusCode(200)
                .body("items.outcome", equalTo(List.of("denied", "denied")))
                .body("items.action", equalTo(List.of("export", "erase")));
    }

    @Test
    void shouldLetOnlyAdminsEraseOrExport() {
        String ehr = QuarkusTransaction.requiringNew().call(() -> apiKeys.issue(organization, Roles.EHR, "rights ehr"));

        as(ehr).delete("/api/v1/clients/c-1").then().statusCode(403);
        as(ehr).get("/api/v1/clients/c-1/export").then().statusCode(403);

        as(created.key()).get("/api/v1/pairs/" + created.pairId() + "/responses").then().body("items", hasSize(1));
    }
}
