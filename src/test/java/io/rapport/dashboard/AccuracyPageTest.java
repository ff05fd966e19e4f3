package io.rapport.dashboard;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.restassured.response.Response;

/** Empathic accuracy on the insight pages (issue 16, item 2): the organization's with each therapist, and one's own. */
@QuarkusTest
class AccuracyPageTest {

    static final String PASSWORD = "accuracy page password";

    @Test
    void shouldShowEachTherapistsAccuracyToAdminsAndTheirOwnToATherapist() {
        Web.Admin admin = Web.newAdmin("accuracy-admin", PASSWORD);
        as(admin.apiKey()).body("{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1},"
                + "{\"questionnaireId\":\"session-rating-4-prediction\",\"every\":1}]}").put("/api/v1/schedule")
                .then().statusCode(200);
        // T-1: six pairs, each predicted 2 points too high; T-2: five pairs, withheld beside T-3's one (a small cell).
        for (String client : new String[] { "a", "b", "c", "d", "e", "f" }) {
            rated(admin.apiKey(), "T-1", client, 28, 30);
        }
        for (String client : new String[] { "g", "h", "i", "j", "k" }) {
            rated(admin.apiKey(), "T-2", client, 30, 30);
        }
        rated(admin.apiKey(), "T-3", "l", 20, 36);
        Web.Session therapist = Web.newTherapist(admin.apiKey(), "accuracy-t1", PASSWORD, "T-1");

        String org = admin.session().spec().get("/app/insights?questionnaire=session-rating-4").then()
                .statusCode(200).extract().asString();
        assertThat(org).contains("Empathic accuracy").contains("session-rating-4-prediction")
                .contains("<th scope=\"row\">Organization</th><td class=\"num\">12 (12 sessions)</td>")
                .contains("withheld: fewer than 5 pairs rated from both sides (1)")
                .contains("T-2</th><td class=\"num\">—</td><td colspan=\"2\">suppressed: shown beside the total");
        String own = therapist.spec().get("/app/insights?questionnaire=session-rating-4").then().statusCode(200)
                .extract().asString();
        assertThat(own).contains(
                "<th scope=\"row\">You</th><td class=\"num\">6 (6 sessions)</td><td>2.00 [2.00, 2.00]</td><td>2.00 [2.00, 2.00]</td>")
                .doesNotContain("T-2").doesNotContain("T-3");
        String care = admin.session().spec().get("/app/insights?questionnaire=care").then().statusCode(200)
                .extract().asString();
        assertThat(care).contains("No therapist's form predicts care");
        assertThat(org).as("the instrument menu lists client instruments only")
                .doesNotContain("<option value=\"session-rating-4-prediction\"");
    }

    private static void rated(String key, String therapist, String client, double actual, double predicted) {
        Response s = as(key).body(Api.session(client, therapist)).post("/api/v1/sessions");
        s.then().statusCode(201);
        ScoredPairs.submit(s.path("assignments[0].formUrl"), ScoredPairs.total(actual));
        ScoredPairs.submit(s.path("assignments[1].formUrl"), ScoredPairs.total(predicted));
    }
}
