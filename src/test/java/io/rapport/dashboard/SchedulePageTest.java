package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class SchedulePageTest {

    static final String PASSWORD = "admin password 1";

    String adminKey;
    Web.Session admin;

    @BeforeEach
    void signedInAdmin() {
        Web.Admin signedIn = Web.newAdmin("schedule", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
    }

    private Response save(String csrf, Map<String, String> fields) {
        return admin.postForm("/app/settings/schedule", csrf, fields);
    }

    /** The session rating every session, WAI-SR at 1, 3, 7, 11 …, CARE at 3, 6, 9 …. */
    private static Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("include-session-rating-4", "on");
        fields.put("version-session-rating-4", "1.0.0");
        fields.put("every-session-rating-4", "1");
        fields.put("include-wai-sr", "on");
        fields.put("version-wai-sr", "1.0.0");
        fields.put("sessions-wai-sr", "1");
        fields.put("every-wai-sr", "4");
        fields.put("startingAt-wai-sr", "3");
        fields.put("include-care", "on");
        fields.put("version-care", "1.0.0");
        fields.put("every-care", "3");
        return fields;
    }

    private JsonPath schedule() {
        return Api.as(adminKey).get("/api/v1/schedule").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldListTheReleasedQuestionnairesWithTheDefaultTicked() {
        String page = admin.spec().get("/app/settings/schedule").then().statusCode(200).extract().asString();
        assertThat(page).contains("uses the default", "data-questionnaire=\"session-rating-4\"",
                "data-questionnaire=\"wai-sr\"", "data-questionnaire=\"care\"",
                "name=\"include-session-rating-4\" value=\"on\" checked", "id=\"every-session-rating-4\"")
                .doesNotContain("data-questionnaire=\"sai\"", "data-questionnaire=\"couple-alliance-12\"",
                        "name=\"include-wai-sr\" value=\"on\" checked");
    }

    @Test
    void shouldSaveAScheduleThroughTheForm() {
        Response r = save(admin.csrf(), valid());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("Saved.", "earlier sessions keep theirs",
                "name=\"include-care\" value=\"on\" checked");

        JsonPath api = schedule();
        assertThat(api.getBoolean("default")).isFalse();
        // Rows, and so rules, keep the saved schedule's order, then the catalog's.
        assertThat(api.getList("rules.questionnaireId")).containsExactly("session-rating-4", "care", "wai-sr");
        assertThat(api.getInt("rules[1].every")).isEqualTo(3);
        assertThat(api.getList("rules[2].sessions")).containsExactly(1);
        assertThat(api.getInt("rules[2].every")).isEqualTo(4);
        assertThat(api.getInt("rules[2].startingAt")).isEqualTo(3);
        assertThat(admin.spec().get("/app/settings/schedule").asString()).contains("value=\"1\"", "Saved <time");
    }

    @Test
    void shouldShowEachProblemNextToItsFieldAndSaveNothing() {
        Map<String, String> bad = valid();
        bad.put("sessions-wai-sr", "1, x");
        bad.put("every-care", "0");
        bad.put("include-arm-5", "on");
        bad.put("version-arm-5", "1.0.0");
        bad.put("version-session-rating-4", "9.9.9");
        Response r = save(admin.csrf(), bad);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("Nothing was saved", "id=\"sessions-wai-sr-error\"",
                "must be session numbers separated by commas", "id=\"every-care-error\"", "must be between 1 and 1000",
                "id=\"rule-arm-5-error\"", "give sessions, every, or both", "id=\"version-session-rating-4-error\"",
                "aria-invalid=\"true\"", "value=\"1, x\"").doesNotContain("Exception");
        assertThat(schedule().getBoolean("default")).isTrue();
    }

    @Test
    void shouldRefuseAScheduleWithoutAnyQuestionnaire() {
        Response r = save(admin.csrf(), Map.of("every-care", "3"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"rules-error\"", "must schedule at least one questionnaire");
        assertThat(schedule().getBoolean("default")).isTrue();
    }

    @Test
    void shouldKeepAnUnreleasedVersionScheduledThroughTheApi() {
        Api.as(adminKey).body("{\"rules\":[{\"questionnaireId\":\"sai\",\"version\":\"0.1.0\",\"every\":2,"
                + "\"allowUnreleased\":true}]}").put("/api/v1/schedule").then().statusCode(200);
        String page = admin.spec().get("/app/settings/schedule").then().statusCode(200).extract().asString();
        assertThat(page).contains("data-questionnaire=\"sai\"", "0.1.0 (not released)");

        Response r = save(admin.csrf(), Map.of("include-sai", "on", "version-sai", "0.1.0", "every-sai", "4"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(schedule().getList("rules.every")).isEqualTo(List.of(4));
        assertThat(schedule().getBoolean("rules[0].allowUnreleased")).isTrue();

        // An unreleased version the schedule did not hold already is refused, as by the API without allowUnreleased.
        Response tampered = save(admin.csrf(), Map.of("include-wai-sr", "on", "version-wai-sr", "0.0.1",
                "every-wai-sr", "1"));
        assertThat(tampered.statusCode()).isEqualTo(422);
        assertThat(tampered.asString()).contains("id=\"version-wai-sr-error\"");
    }

    @Test
    void shouldKeepTherapistsAndForgedFormsOut() {
        Web.newTherapist(adminKey, "therapist", PASSWORD, "T-1").spec().get("/app/settings/schedule").then().statusCode(403);
        assertThat(save("forged", valid()).statusCode()).isEqualTo(403);
        assertThat(schedule().getBoolean("default")).isTrue();
    }
}
