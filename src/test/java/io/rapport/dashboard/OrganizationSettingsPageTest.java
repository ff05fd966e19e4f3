package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.Web;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class OrganizationSettingsPageTest {

    static final String PASSWORD = "settings password 1";

    String adminKey;
    Web.Session admin;

    @BeforeEach
    void signedInAdmin() {
        Web.Admin signedIn = Web.newAdmin("org-settings", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
    }

    private Response save(String csrf, Map<String, String> fields, List<String> languages) {
        RequestSpecification spec = admin.form(csrf);
        fields.forEach(spec::formParam);
        languages.forEach(l -> spec.formParam("languages", l));
        return spec.post("/app/settings");
    }

    @Test
    void shouldShowTheCurrentSettings() {
        String html = admin.spec().get("/app/settings").then().statusCode(200).extract().asString();
        assertThat(html).contains("value=\"72\"", "value=\"24\"", "value=\"en\" checked", "value=\"de\" checked",
                "href=\"/app/settings\">Organization</a>");
    }

    @Test
    void shouldSaveThroughTheFormAndTwiceAlike() {
        Map<String, String> fields = Map.of("name", "Praxis Süd", "linkTtlHours", "48", "reminderDelayHours", "12");
        Response r = save(admin.csrf(), fields, List.of("de", "en"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("Saved.", "value=\"48\"", "value=\"es\">");
        save(admin.csrf(), fields, List.of("de", "en")).then().statusCode(200);
        Map<String, Object> api = Api.as(adminKey).get("/api/v1/organization").jsonPath().getMap("");
        assertThat(api).containsEntry("name", "Praxis Süd").containsEntry("linkTtlHours", 48)
                .containsEntry("reminderDelayHours", 12).containsEntry("languages", List.of("en", "de"));
    }

    @Test
    void shouldShowEachProblemNextToItsFieldAndSaveNothing() {
        Response r = save(admin.csrf(), Map.of("name", "", "linkTtlHours", "abc", "reminderDelayHours", "0"),
                List.of());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("Nothing was saved", "id=\"name-error\"", "id=\"linkTtlHours-error\"",
                "must be a whole number of hours", "id=\"reminderDelayHours-error\"", "id=\"languages-error\"",
                "value=\"abc\"").doesNotContain("Exception");
        Response late = save(admin.csrf(), Map.of("name", "Clinic", "linkTtlHours", "24", "reminderDelayHours",
                "30"), List.of("en", "fr"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.asString()).contains("must be shorter than the link lifetime (24 hours)",
                "id=\"languages-error\"");
        assertThat(Api.as(adminKey).get("/api/v1/organization").jsonPath().getInt("linkTtlHours")).isEqualTo(72);
    }

    @Test
    void shouldKeepTherapistsAndForgedFormsOut() {
        Web.Session therapist = Web.newTherapist(adminKey, "settings-t", PASSWORD, "T-1");
        therapist.spec().get("/app/settings").then().statusCode(403);
        String caseload = therapist.spec().get("/app").then().statusCode(200).extract().asString();
        assertThat(caseload).doesNotContain("href=\"/app/settings\"");
        assertThat(save("forged", Map.of("name", "Forged", "linkTtlHours", "5", "reminderDelayHours", "1"),
                List.of("en")).statusCode()).isEqualTo(403);
        assertThat(Api.as(adminKey).get("/api/v1/organization").jsonPath().getInt("linkTtlHours")).isEqualTo(72);
    }
}
