package io.rapport.dashboard;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.restassured.response.Response;

/** The alert inbox through the pages, with alerts raised by real answers to the form endpoint. */
@QuarkusTest
class AlertInboxPageTest {

    static final String PASSWORD = "inbox password 1";

    String adminKey;
    Web.Session admin;
    Web.Session therapist;
    String adaPair;
    String boPair;
    String adaAlert;
    String therapistName;

    /** T-1 treats Ada (c-1), T-2 treats Bo (c-2); both answered under the cutoff once. */
    @BeforeEach
    void organizationWithAlerts() {
        Web.Admin signedIn = Web.newAdmin("inbox", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        as(adminKey).body("{\"displayName\":\"Bo Diddley\"}").put("/api/v1/clients/c-2").then().statusCode(201);
        adaPair = ScoredPairs.answered(adminKey, "c-1", "T-1", ScoredPairs.same(5));
        boPair = ScoredPairs.answered(adminKey, "c-2", "T-2", ScoredPairs.same(5));
        adaAlert = as(adminKey).queryParam("pairId", adaPair).queryParam("type", "below-cutoff").get("/api/v1/alerts")
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        therapistName = Web.username("inbox-t1");
        Web.account(adminKey, therapistName, PASSWORD, "therapist", "T-1");
        therapist = Web.login(therapistName, PASSWORD);
    }

    private Response acknowledge(Web.Session session, String alertId, String note) {
        var spec = session.form(session.csrf());
        if (note != null) {
            spec.formParam("note", note);
        }
        return spec.post("/app/alerts/" + alertId + "/acknowledge");
    }

    @Test
    void shouldShowAdminsEveryOpenAlertWithItsExplanation() {
        String html = admin.spec().get("/app/alerts").then().statusCode(200).extract().asString();
        assertThat(html).contains("Ada Lovelace (c-1)", "Bo Diddley (c-2)",
                "Below the cutoff: the score 20", "under the clinical cutoff of 36", "every pair of the organization",
                "action=\"/app/alerts/" + adaAlert + "/acknowledge\"");
        long open = as(adminKey).get("/api/v1/alerts").then().extract().jsonPath().getLong("total");
        assertThat(html).contains("<span class=\"count\">" + open + "<span class=\"visually-hidden\"> open</span>");
    }

    @Test
    void shouldShowATherapistOnlyTheirOwnPairsAlerts() {
        String html = therapist.spec().get("/app/alerts").then().statusCode(200).extract().asString();
        assertThat(html).contains("Ada Lovelace", "your pairs").doesNotContain("Bo Diddley");
        // Another therapist's pair as a filter shows nothing of it.
        String filtered = therapist.spec().get("/app/alerts?pair=" + boPair).then().statusCode(200).extract()
                .asString();
        assertThat(filtered).doesNotContain("Bo Diddley", "Ada Lovelace (c-1)</a>");
        long mine = as(adminKey).queryParam("pairId", adaPair).get("/api/v1/alerts").then().extract().jsonPath()
                .getLong("total");
        assertThat(html).contains("<span class=\"count\">" + mine + "<span");
    }

    @Test
    void shouldFilterByTypeAndPair() {
        String byPair = admin.spec().get("/app/alerts?pair=" + boPair).then().statusCode(200).extract().asString();
        assertThat(byPair).contains("href=\"/app/pairs/" + boPair + "\"")
                .doesNotContain("href=\"/app/pairs/" + adaPair + "\"");
        String byType = admin.spec().get("/app/alerts?type=split-alliance").then().statusCode(200).extract()
                .asString();
        assertThat(byType).contains("No open alert matches these filters.").doesNotContain("/acknowledge\"");
    }

    @Test
    void shouldExplainBadFiltersInsteadOfFailing() {
        Response r = admin.spec().get("/app/alerts?type=bogus&pair=not-a-pair&status=closed&page=x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Some filters were not understood", "id=\"type-error\"",
                "id=\"pair-error\"", "id=\"status-error\"").doesNotContain("Exception", "at io.rapport");
    }

    @Test
    void shouldAcknowledgeWithANoteOnceAndShowWhoDidItAndWhen() {
        Response r = acknowledge(therapist, adaAlert, "Talked it through in session 2.");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("Acknowledged: Below cutoff", "by " + therapistName);
        Response again = acknowledge(therapist, adaAlert, "A second note");
        assertThat(again.asString()).contains("Already acknowledged");

        as(adminKey).queryParam("status", "acknowledged").queryParam("pairId", adaPair).get("/api/v1/alerts").then()
                .body("items.id", org.hamcrest.Matchers.hasItem(adaAlert))
                .body("items.find { it.id == '" + adaAlert + "' }.acknowledgementNote",
                        equalTo("Talked it through in session 2."));
        String history = admin.spec().get("/app/alerts?status=acknowledged").then().statusCode(200).extract()
                .asString();
        assertThat(history).contains("Acknowledged by <strong>" + therapistName + "</strong>",
                "Talked it through in session 2.").doesNotContain("A second note");
    }

    @Test
    void shouldRefuseALongNoteNextToItsAlertAndKeepItOpen() {
        Response r = acknowledge(admin, adaAlert, "x".repeat(501));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"note-" + adaAlert + "-error\"", "at most 500 characters");
        as(adminKey).queryParam("pairId", adaPair).queryParam("type", "below-cutoff").get("/api/v1/alerts").then()
                .body("total", equalTo(1));
    }

    @Test
    void shouldAnswer404ForAnotherTherapistsOrOrganizationsAlert() {
        String boAlert = as(adminKey).queryParam("pairId", boPair).get("/api/v1/alerts").then().extract()
                .path("items[0].id");
        Response theirs = acknowledge(therapist, boAlert, null);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.asString()).contains("That alert was not found.");
        Web.Admin other = Web.newAdmin("inbox-other", PASSWORD);
        assertThat(acknowledge(other.session(), adaAlert, null).statusCode()).isEqualTo(404);
        assertThat(acknowledge(admin, "not-an-id", null).statusCode()).isEqualTo(404);
        as(adminKey).queryParam("pairId", boPair).get("/api/v1/alerts").then().body("items[0].status",
                equalTo("open"));
    }

    @Test
    void shouldRefuseAForgedFormAndTheSignedOut() {
        Response forged = therapist.form("forged")
                .post("/app/alerts/" + adaAlert + "/acknowledge");
        assertThat(forged.statusCode()).isEqualTo(403);
        given().redirects().follow(false).get("/app/alerts").then().statusCode(303);
        as(adminKey).queryParam("pairId", adaPair).queryParam("type", "below-cutoff").get("/api/v1/alerts").then()
                .body("total", equalTo(1));
    }

    @Test
    void shouldLinkTheCaseloadsBadgesToThePairsAlerts() {
        String caseload = admin.spec().get("/app").then().statusCode(200).extract().asString();
        assertThat(caseload).contains("href=\"/app/alerts?pair=" + adaPair + "\"",
                "href=\"/app/alerts?pair=" + boPair + "\"");
        List<String> audited = as(adminKey).queryParam("objectType", "alert").get("/api/v1/audit").then()
                .statusCode(200).extract().path("items.route");
        admin.spec().get("/app/alerts?pair=" + adaPair).then().statusCode(200);
        List<String> after = as(adminKey).queryParam("objectType", "alert").get("/api/v1/audit").then()
                .extract().path("items.route");
        assertThat(after.size()).isGreaterThan(audited.size());
    }
}
