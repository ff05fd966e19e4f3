package io.rapport.care;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.delivery.FormFixtures;
import io.rapport.delivery.Reminders;
import io.restassured.response.Response;

@QuarkusTest
class OrganizationSettingsResourceTest {

    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    Reminders reminders;

    FormFixtures fixtures;
    String key;

    @BeforeEach
    void newOrganization() {
        fixtures = new FormFixtures(dataSource);
        key = Api.newOrganization();
    }

    private static String body(String name, Object linkTtlHours, Object reminderDelayHours, String languages) {
        return "{\"name\":" + (name == null ? "null" : "\"" + name + "\"") + ",\"linkTtlHours\":" + linkTtlHours
                + ",\"reminderDelayHours\":" + reminderDelayHours + ",\"languages\":" + languages + "}";
    }

    @Test
    void shouldShowTodaysDefaultsUntilAnAdminSavesSettings() {
        as(key).get("/api/v1/organization").then().statusCode(200)
                .body("linkTtlHours", equalTo(72))
                .body("reminderDelayHours", equalTo(24))
                .body("languages", contains("en", "es", "de"));
    }

    @Test
    void shouldSaveTheSettingsOnceEachLanguageInTheSupportedOrder() {
        as(key).body(body("  Praxis Nord ", 48, 6, "[\"de\",\"en\",\"de\"]")).put("/api/v1/organization").then()
                .statusCode(200)
                .body("name", equalTo("Praxis Nord")).body("linkTtlHours", equalTo(48))
                .body("reminderDelayHours", equalTo(6)).body("languages", contains("en", "de"));
        as(key).get("/api/v1/organization").then().statusCode(200).body("name", equalTo("Praxis Nord"))
                .body("languages", contains("en", "de"));
        // Saving the same settings twice changes nothing more.
        as(key).body(body("Praxis Nord", 48, 6, "[\"en\",\"de\"]")).put("/api/v1/organization").then()
                .statusCode(200).body("reminderDelayHours", equalTo(6));
    }

    @Test
    void shouldRefuseBadValuesNamingTheFieldAndSaveNothing() {
        refused(body("Clinic", 0, 1, "[\"en\"]"), "linkTtlHours");
        refused(body("Clinic", 2161, 24, "[\"en\"]"), "linkTtlHours");
        refused(body("Clinic", 24, 0, "[\"en\"]"), "reminderDelayHours");
        refused(body("Clinic", 24, 24, "[\"en\"]"), "reminderDelayHours");
        refused(body("Clinic", 72, 24, "[]"), "languages");
        refused(body("Clinic", 72, 24, "[\"en\",\"fr\"]"), "languages");
        refused(body("Clinic", 72, 24, "null"), "languages");
        refused(body(" ", 72, 24, "[\"en\"]"), "name");
        refused(body("x".repeat(201), 72, 24, "[\"en\"]"), "name");
        as(key).body("{\"name\":\"Clinic\",\"linkTtlHours\":\"72\",\"reminderDelayHours\":24,\"languages\":[\"en\"]}")
                .put("/api/v1/organization").then().statusCode(400).contentType("application/problem+json");
        as(key).get("/api/v1/organization").then().body("linkTtlHours", equalTo(72))
                .body("reminderDelayHours", equalTo(24)).body("languages", contains("en", "es", "de"));
    }

    private void refused(String body, String field) {
        as(key).body(body).put("/api/v1/organization").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem(startsWith(field)));
    }

    @Test
    void shouldLetOnlyAdminsChangeTheirOwnOrganization() {
        String other = Api.newOrganization();
        as(other).body(body("Other clinic", 24, 2, "[\"es\"]")).put("/api/v1/organization").then().statusCode(200);
        as(key).get("/api/v1/organization").then().body("languages", contains("en", "es", "de"))
                .body("linkTtlHours", equalTo(72));
        given().body(body("Clinic", 24, 2, "[\"es\"]")).contentType("application/json")
                .put("/api/v1/organization").then().statusCode(401);
    }

    @Test
    void shouldAuditEachChange() {
        as(key).body(body("Audited clinic", 72, 24, "[\"en\"]")).put("/api/v1/organization").then().statusCode(200);
        List<String> routes = as(key).queryParam("objectType", "organization").get("/api/v1/audit").then()
                .statusCode(200).extract().path("items.route");
        assertThat(routes).contains("PUT /api/v1/organization");
    }

    @Test
    void shouldIssueLinksWithTheOrganizationsLifetime() {
        as(key).body(body("Clinic", 10, 2, "[\"en\"]")).put("/api/v1/organization").then().statusCode(200);
        Response session = as(key).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        session.then().statusCode(201);
        Instant expires = Instant.parse(session.path("assignments[0].expiresAt"));
        assertThat(Duration.between(Instant.now(), expires).toMinutes()).isCloseTo(600, within(2L));
    }

    @Test
    void shouldRemindAfterTheOrganizationsDelay() {
        as(key).body(body("Clinic", 72, 2, "[\"en\",\"es\",\"de\"]")).put("/api/v1/organization").then()
                .statusCode(200);
        FormFixtures.Created ours = fixtures.session(key, "c-1");
        String email = "delay-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(key, "c-1", email, null);
        // The same age in an organization on the default of 24 hours is too early for a reminder.
        FormFixtures.Created theirs = fixtures.session();
        String theirEmail = "default-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(theirs.key(), "c-1", theirEmail, null);

        reminders.sendDue();
        assertThat(mailbox.getMailsSentTo(email)).as("before the delay").isEmpty();
        fixtures.age(ours.assignmentId(), 3);
        fixtures.age(theirs.assignmentId(), 3);
        reminders.sendDue();

        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
        assertThat(mailbox.getMailsSentTo(theirEmail)).isEmpty();
    }

    @Test
    void shouldOfferClientsOnlyTheOrganizationsLanguages() {
        as(key).body(body("Clinica", 72, 24, "[\"es\"]")).put("/api/v1/organization").then().statusCode(200);
        FormFixtures.Created s = fixtures.session(key, "c-1");
        String email = "lang-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(key, "c-1", email, "de");

        as(key).post("/api/v1/assignments/" + s.assignmentId() + "/email").then().statusCode(202);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Su opinión sobre la sesión");

        Response open = given().redirects().follow(false).header("X-Forwarded-For", "203.0.113.77")
                .get("/f/" + s.token());
        open.then().statusCode(303);
        given().redirects().follow(false).cookie("__Host-rapport-form", open.getCookie("__Host-rapport-form"))
                .header("Accept-Language", "de, en;q=0.5").get("/f").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
    }

    @Test
    void shouldKeepTheCandourLineOffUntilChosenAndKeepItWhenAPutLeavesItOut() {
        as(key).get("/api/v1/organization").then().statusCode(200).body("candourLine", equalTo(false));
        String on = "{\"name\":\"Clinic\",\"linkTtlHours\":72,\"reminderDelayHours\":24,\"languages\":[\"en\"],"
                + "\"candourLine\":true}";
        as(key).body(on).put("/api/v1/organization").then().statusCode(200).body("candourLine", equalTo(true));
        as(key).body(body("Clinic", 72, 24, "[\"en\"]")).put("/api/v1/organization").then().statusCode(200)
                .body("candourLine", equalTo(true));
        as(key).body(on.replace("true", "false")).put("/api/v1/organization").then().statusCode(200)
                .body("candourLine", equalTo(false));
        as(key).body(on.replace("true", "\"often\"")).put("/api/v1/organization").then().statusCode(400);
        as(key).get("/api/v1/organization").then().statusCode(200).body("candourLine", equalTo(false));
    }
}
