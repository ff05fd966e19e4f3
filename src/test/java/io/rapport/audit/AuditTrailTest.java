package io.rapport.audit;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.TestDatabase;
import io.rapport.Web;
import io.rapport.delivery.FormFixtures;
import io.rapport.security.Roles;
import io.rapport.security.Secrets;
import io.rapport.security.apikey.ApiKeyService;

@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource db;
    @Inject
    AuditChain chain;
    @Inject
    ApiKeyService apiKeys;

    private static final String PASSWORD = "audit-password-1";

    FormFixtures fixtures;
    FormFixtures owner;
    FormFixtures.Created created;
    UUID organization;

    @BeforeEach
    void newOrganizationWithASession() {
        fixtures = new FormFixtures(db);
        owner = new FormFixtures(TestDatabase.owner());
        created = fixtures.session();
        organization = UUID.fromString(
                fixtures.string("select organization_id from pair where id = ?", UUID.fromString(created.pairId())));
    }

    @Test
    void shouldRecordAnAllowedReadWithActorClientAndRequestId() {
        as(created.key()).header("X-Request-Id", "audit-read-0001").get("/api/v1/pairs/" + created.pairId())
                .then().statusCode(200);

        List<Map<String, Object>> rows = as(created.key()).queryParam("objectId", created.pairId())
                .queryParam("objectType", "pair").get("/api/v1/audit").then().statusCode(200)
                .extract().path("items");

        assertThat(rows).extracting(r -> r.get("action")).containsExactly("read", "create");
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("action", "read").containsEntry("outcome", "allowed")
                .containsEntry("route", "GET /api/v1/pairs/{pairId}").containsEntry("requestId", "audit-read-0001")
                .containsEntry("clientId", clientId("c-1").toString()).containsEntry("status", 200);
        assertThat((String) row.get("actor")).startsWith("api-key:");
    }

    @Test
    void shouldRecordTheSessionCreationAgainstItsPairAndClient() {
        List<Map<String, Object>> rows = as(created.key()).queryParam("clientId", "c-1")
                .queryParam("objectType", "pair").get("/api/v1/audit").then().statusCode(200).extract().path("items");

        assertThat(rows).extracting(r -> r.get("route"), r -> r.get("action"), r -> r.get("objectId"))
                .contains(tuple("POST /api/v1/sessions", "create", created.pairId()));
    }

    @Test
    void shouldFollowAnAssignmentThroughItsSessionAndPairToItsClient() {
        as(created.key()).post("/api/v1/assignments/" + created.assignmentId() + "/in-session").then()
                .statusCode(201);

        List<Map<String, Object>> rows = as(created.key()).queryParam("objectType", "assignment")
                .queryParam("objectId", created.assignmentId()).get("/api/v1/audit").then().statusCode(200)
                .extract().path("items");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("action", "send")
                .containsEntry("clientId", clientId("c-1").toString()));
    }

    @Test
    void shouldRecordAnotherOrganizationsObjectAsDeniedInTheCallersTrailOnly() {
        String other = Api.newOrganization();

        as(other).get("/api/v1/pairs/" + created.pairId() + "/responses").then().statusCode(404);

        List<Map<String, Object>> theirs = as(other).queryParam("objectId", created.pairId()).get("/api/v1/audit")
                .then().statusCode(200).extract().path("items");
        assertThat(theirs).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("outcome", "denied").containsEntry("status", 404)
                    .containsEntry("objectType", "pair-responses").containsEntry("clientId", null);
        });
        List<Map<String, Object>> ours = as(created.key()).queryParam("objectType", "pair-responses")
                .get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertThat(ours).isEmpty();
    }

    @Test
    void shouldRecordRefusedCredentialsAndRolesAsDenied() {
        String ehr = QuarkusTransaction.requiringNew().call(() -> apiKeys.issue(organization, Roles.EHR, "audit ehr"));
        String requestId = "audit-401-" + UUID.randomUUID().toString().substring(0, 8);

        given().auth().oauth2("not-a-key-0123456789").header("X-Request-Id", requestId)
                .get("/api/v1/pairs/" + created.pairId()).then().statusCode(401);
        as(ehr).get("/api/v1/audit").then().statusCode(403);

        given().redirects().follow(false).header("X-Request-Id", requestId + "-page")
                .get("/app/pairs/" + created.pairId()).then().statusCode(303);

        assertThat(fixtures.string("select outcome || ' ' || status || ' ' || coalesce(organization_id::text, 'none')"
                + " from audit_event where request_id = ?", requestId)).isEqualTo("denied 401 none");
        assertThat(fixtures.string("select outcome || ' ' || status || ' ' || actor || ' ' || route from audit_event"
                + " where request_id = ?", requestId + "-page"))
                .isEqualTo("denied 303 anonymous GET /app/pairs/{pairId}");
        List<Map<String, Object>> rows = as(created.key()).queryParam("objectType", "audit").get("/api/v1/audit")
                .then().statusCode(200).extract().path("items");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("outcome", "denied")
                .containsEntry("status", 403).containsEntry("actor", "api-key:" + ehrKeyId(ehr)));
    }

    @Test
    void shouldAuditReadingTheTrailAndFilterByTime() {
        as(created.key()).get("/api/v1/audit").then().statusCode(200);

        as(created.key()).queryParam("objectType", "audit").queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2999-01-01T00:00:00Z").get("/api/v1/audit").then().statusCode(200)
                .body("items[0].route", equalTo("GET /api/v1/audit"));
        as(created.key()).queryParam("objectType", "audit").queryParam("to", "2000-01-01T00:00:00Z")
                .get("/api/v1/audit").then().statusCode(200).body("total", equalTo(0));
        as(created.key()).queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void shouldRecordFormVisitsAndSubmissionsAsTheClientLinkWithoutTheToken() {
        given().redirects().follow(false).get("/f/" + created.token()).then().statusCode(303);
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("9", "9", "9", "9"))
                .post("/api/v1/forms/" + created.token() + "/responses").then().statusCode(201);

        List<Map<String, Object>> rows = as(created.key()).queryParam("actor", AuditEntry.CLIENT_LINK)
                .get("/api/v1/audit").then().statusCode(200).extract().path("items");

        assertThat(rows).extracting(r -> r.get("action")).containsExactly("submit", "open");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("clientId", clientId("c-1").toString()));
        assertThat(fixtures.count("select count(*) from audit_event where organization_id = ? and (actor like ?"
                + " or route like ? or object_id like ?)", organization, "%" + created.token() + "%",
                "%" + created.token() + "%", "%" + created.token() + "%")).isZero();
    }

    @Test
    void shouldRefuseChangesToTheTrailToTheApplicationsRole() {
        assertThatThrownBy(() -> fixtures.update("update audit_event set actor = 'someone' where organization_id = ?",
                organization)).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> fixtures.update("delete from audit_event where organization_id = ?", organization))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> fixtures.update("truncate audit_event")).hasMessageContaining("permission denied");
        assertThat(fixtures.string("select rolsuper::text from pg_roles where rolname = current_user"))
                .isEqualTo("false");
    }

    @Test
    void shouldRefuseChangesToTheTrailEvenToItsOwner() {
        assertThatThrownBy(() -> owner.update("update audit_event set actor = 'someone' where organization_id = ?",
                organization)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_event where organization_id = ?", organization))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("truncate audit_event")).hasMessageContaining("append-only");
    }

    @Test
    void shouldDetectATamperedRow() {
        as(created.key()).get("/api/v1/pairs/" + created.pairId()).then().statusCode(200);
        as(created.key()).get("/api/v1/pairs/" + created.pairId() + "/trends").then().statusCode(200);
        assertThat(chain.verify(organization)).isEqualTo(new AuditChain.Verification(true, 3, null, null));
        String seq = fixtures.string("select seq from audit_event where organization_id = ? and route = ?",
                organization, "GET /api/v1/pairs/{pairId}");

        owner.update("alter table audit_event disable trigger audit_event_no_update");
        try {
            owner.update("update audit_event set actor = 'someone-else' where seq = ?", Long.parseLong(seq));
        } finally {
            owner.update("alter table audit_event enable trigger audit_event_no_update");
        }

        AuditChain.Verification broken = chain.verify(organization);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(Long.parseLong(seq));
        // Intact: the other chains' rows and the rows before it in its own chain.
        assertThat(broken.rowsChecked()).isEqualTo(fixtures.count("select count(*) from audit_event"
                + " where organization_id = ? and (chain <> (select chain from audit_event where seq = ?) or seq < ?)",
                organization, Long.parseLong(seq), Long.parseLong(seq)));
    }

    @Test
    void shouldFailTheRequestAndRollBackTheWorkWhenTheAuditRowCannotBeWritten() {
        String function = "audit_test_fail_" + organization.toString().replace('-', '_');
        owner.update("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.organization_id = '" + organization + "' then raise exception 'audit disk full'; end if;"
                + " return new; end; $$");
        owner.update("create trigger " + function + " before insert on audit_event for each row execute function "
                + function + "()");
        try {
            as(created.key()).body("{\"displayName\":\"Never stored\"}").put("/api/v1/clients/c-new").then()
                    .statusCode(500).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:rapport:problem:internal"));
        } finally {
            owner.update("drop trigger " + function + " on audit_event");
            owner.update("drop function " + function + "()");
        }

        assertThat(fixtures.count("select count(*) from client where organization_id = ? and external_id = 'c-new'",
                organization)).isZero();
        assertThat(chain.verify(organization).intact()).isTrue();
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenTheDatabaseGoesAwayWhileTheSubmissionIsAudited() {
        String function = "audit_test_gone_" + organization.toString().replace('-', '_');
        owner.update("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.organization_id = '" + organization + "' and new.action = 'submit' then"
                + " raise exception 'terminating connection' using errcode = 'admin_shutdown'; end if;"
                + " return new; end; $$");
        owner.update("create trigger " + function + " before insert on audit_event for each row execute function "
                + function + "()");
        try {
            FormFixtures.anonymous().body(FormFixtures.srsAnswers("9", "9", "9", "9"))
                    .post("/api/v1/forms/" + created.token() + "/responses").then().statusCode(503)
                    .header("Retry-After", notNullValue()).contentType(startsWith("application/problem+json"));
        } finally {
            owner.update("drop trigger " + function + " on audit_event");
            owner.update("drop function " + function + "()");
        }

        assertThat(fixtures.count("select count(*) from response where assignment_id = ?",
                UUID.fromString(created.assignmentId()))).isZero();
        FormFixtures.anonymous().body(FormFixtures.srsAnswers("9", "9", "9", "9"))
                .post("/api/v1/forms/" + created.token() + "/responses").then().statusCode(201);
    }

    @Test
    void shouldRecordPagesWithTheAccountAndAnotherTherapistsPairAsDenied() {
        String own = Web.username("audit-t1");
        String other = Web.username("audit-t2");
        Web.account(created.key(), own, PASSWORD, "therapist", "t-1");
        Web.account(created.key(), other, PASSWORD, "therapist", "t-2");
        Web.Session ownSession = Web.login(own, PASSWORD);
        Web.Session otherSession = Web.login(other, PASSWORD);

        ownSession.spec().get("/app/pairs/" + created.pairId()).then().statusCode(200);
        otherSession.spec().get("/app/pairs/" + created.pairId()).then().statusCode(404);

        List<Map<String, Object>> rows = as(created.key()).queryParam("objectId", created.pairId())
                .queryParam("objectType", "pair").get("/api/v1/audit").then().statusCode(200)
                .extract().path("items");
        assertThat(rows).extracting(r -> r.get("route"), r -> r.get("outcome"), r -> r.get("status"))
                .startsWith(tuple("GET /app/pairs/{pairId}", "denied", 404),
                        tuple("GET /app/pairs/{pairId}", "allowed", 200));
        assertThat((String) rows.get(0).get("actor")).startsWith("account:").isNotEqualTo(rows.get(1).get("actor"));
        as(created.key()).queryParam("objectType", "caseload").get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void shouldKeepEveryChainUnbrokenUnderConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(pool.submit(() -> as(created.key()).get("/api/v1/pairs/" + created.pairId()).statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(chain.verify(organization)).isEqualTo(new AuditChain.Verification(true, 25, null, null));
        assertThat(fixtures.count("select count(distinct chain) from audit_event where organization_id = ?",
                organization)).as("chains the 25 rows were spread over").isGreaterThan(1);
    }

    private UUID clientId(String externalId) {
        return UUID.fromString(fixtures.string("select id from client where organization_id = ? and external_id = ?",
                organization, externalId));
    }

    private String ehrKeyId(String key) {
        return fixtures.string("select id from api_key where key_hash = ?", Secrets.hash(key));
    }
}
