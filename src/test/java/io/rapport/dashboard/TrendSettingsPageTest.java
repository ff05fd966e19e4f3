package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.response.Response;

@QuarkusTest
class TrendSettingsPageTest {

    static final String PASSWORD = "admin password 1";

    String adminKey;
    Web.Session admin;

    @BeforeEach
    void signedInAdmin() {
        Web.Admin signedIn = Web.newAdmin("trends", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
    }

    private Response save(String csrf, Map<String, String> fields) {
        return admin.postForm("/app/settings/trends", csrf, fields);
    }

    private static Map<String, String> valid() {
        return Map.of("rciZ", "2.5", "personalDropMinEarlier", "4", "personalDropSdMultiplier", "2",
                "repairWindow", "5", "noResponseExpiries", "3", "reliableDropZ", "");
    }

    @Test
    void shouldSaveThresholdsThroughTheForm() {
        Response r = save(admin.csrf(), valid());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("Saved.", "alerts already raised stay as they are", "value=\"2.5\"");
        Map<String, Object> api = Api.as(adminKey).get("/api/v1/trend-settings").jsonPath().getMap("");
        assertThat(api).containsEntry("repairWindow", 5).containsEntry("custom", true);
        assertThat(api.get("rciZ").toString()).isEqualTo("2.5");
    }

    @Test
    void shouldShowEachProblemNextToItsFieldAndSaveNothing() {
        Map<String, String> bad = new java.util.HashMap<>(valid());
        bad.put("rciZ", "abc");
        bad.put("repairWindow", "0");
        bad.put("personalDropSdMultiplier", "");
        Response r = save(admin.csrf(), bad);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"rciZ-error\"", "must be a number", "id=\"repairWindow-error\"",
                "id=\"personalDropSdMultiplier-error\"", "value=\"abc\"").doesNotContain("id=\"noResponseExpiries-error\"");
        assertThat(Api.as(adminKey).get("/api/v1/trend-settings").jsonPath().getBoolean("custom")).isFalse();
    }

    @Test
    void shouldGoBackToTheDefaults() {
        save(admin.csrf(), valid()).then().statusCode(200);
        admin.form(admin.csrf())
                .post("/app/settings/trends/reset").then().statusCode(200);
        assertThat(Api.as(adminKey).get("/api/v1/trend-settings").jsonPath().getBoolean("custom")).isFalse();
    }

    @Test
    void shouldKeepTherapistsAndForgedFormsOut() {
        Web.newTherapist(adminKey, "therapist", PASSWORD, "T-1").spec().get("/app/settings/trends").then().statusCode(403);
        assertThat(save("forged", valid()).statusCode()).isEqualTo(403);
        assertThat(Api.as(adminKey).get("/api/v1/trend-settings").jsonPath().getBoolean("custom")).isFalse();
    }
}
