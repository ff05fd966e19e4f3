package io.rapport.perspective;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.rapport.delivery.FormFixtures;
import io.rapport.delivery.Reminders;
import io.restassured.response.Response;

/** The therapist's own rating and prediction (issue 16, items 1 and 2) through the API, the link and the pair page. */
@QuarkusTest
class TherapistRatingTest {

    static final String SCHEDULE = "{\"rules\":[{\"questionnaireId\":\"session-rating-4\",\"every\":1},"
            + "{\"questionnaireId\":\"session-rating-4-prediction\",\"every\":1},"
            + "{\"questionnaireId\":\"session-rating-4-therapist\",\"every\":1}]}";
    /** SEM 2 · √(1 − 0.75) = 1, so the reliable-change threshold is 1.96 · √2 = 2.77. */
    static final String CONSTANTS = "{\"citation\":\"Test source (2026). A made-up table for this test.\","
            + "\"scales\":{\"total\":{\"referenceSd\":2,\"reliability\":0.75}}}";
    static final String PASSWORD = "a long enough password 1";

    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    Reminders reminders;

    FormFixtures fixtures;
    Web.Admin admin;

    @BeforeEach
    void organization() {
        fixtures = new FormFixtures(dataSource);
        admin = Web.newAdmin("rating-admin", PASSWORD);
        as(admin.apiKey()).body(SCHEDULE).put("/api/v1/schedule").then().statusCode(200);
    }

    @Test
    void shouldIssueTheTherapistsFormsBesideTheClientsAndMailTheTherapistOneLink() {
        String email = "therapist-" + UUID.randomUUID() + "@example.org";
        as(admin.apiKey()).body("{\"displayName\":\"Dr. Rivera\",\"email\":\"" + email + "\"}")
                .put("/api/v1/therapists/t-1").then().statusCode(org.hamcrest.Matchers.lessThan(300));

        Response s = as(admin.apiKey()).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        s.then().statusCode(201).body("assignments.questionnaireId",
                contains("session-rating-4", "session-rating-4-prediction", "session-rating-4-therapist"))
                .body("assignments.rater", contains("client", "therapist", "therapist"));
        Instant client = Instant.parse(s.path("assignments[0].expiresAt"));
        Instant therapist = Instant.parse(s.path("assignments[1].expiresAt"));
        assertThat(therapist).as("the therapist's window outlasts the client's link").isAfter(client);

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(email).isEmpty());
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
        assertThat(mailbox.getMailsSentTo(email).get(0).getSubject()).isEqualTo("Rate your session");

        String clientPage = page(s.path("assignments[0].formUrl"));
        assertThat(clientPage).contains("Item 1: relationship").doesNotContain("How do you think your client")
                .doesNotContain("How did the session go for you");
        String therapistPage = page(s.path("assignments[1].formUrl"));
        assertThat(therapistPage).contains("Your rating of the session").contains("How do you think your client")
                .contains("How did the session go for you").doesNotContain("Low ratings help");
    }

    @Test
    void shouldKeepTheClientsAnswersFromTheTherapistUntilTheyHaveRatedTheSession() {
        as(admin.apiKey()).body(CONSTANTS).put("/api/v1/published-constants/session-rating-4/1.0.0").then()
                .statusCode(200);
        Web.Session therapist = Web.newTherapist(admin.apiKey(), "rating-t1", PASSWORD, "t-1");
        Response s = as(admin.apiKey()).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        s.then().statusCode(201);
        String pairId = s.path("pairId");
        String sessionId = s.path("id");
        ScoredPairs.submit(s.path("assignments[0].formUrl"), ScoredPairs.total(20));

        String before = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract().asString();
        assertThat(before).contains("are shown once you have sent your own rating")
                .contains("/app/pairs/" + pairId + "/sessions/" + sessionId + "/rating")
                .doesNotContain("<td class=\"num total\">20</td>");
        String asAdmin = admin.session().spec().get("/app/pairs/" + pairId).then().statusCode(200).extract()
                .asString();
        assertThat(asAdmin).contains("<td class=\"num total\">20</td>")
                .contains("waiting for the therapist's own rating").doesNotContain("Send my rating");

        String prediction = s.path("assignments[1].id");
        String own = s.path("assignments[2].id");
        Map<String, String> fields = new HashMap<>();
        for (int item = 1; item <= 4; item++) {
            fields.put("a." + prediction + "." + item, "8");
            fields.put("a." + own + "." + item, "7");
        }
        fields.put("a." + prediction + ".1", "11");
        String rating = "/app/pairs/" + pairId + "/sessions/" + sessionId + "/rating";
        therapist.postForm(rating, therapist.csrf(), fields).then().statusCode(422)
                .body(containsString("Choose a value from 0 to 10"));
        assertThat(fixtures.count("select count(*) from response where session_id = ?::uuid", sessionId))
                .as("nothing of a refused rating is stored").isEqualTo(1);

        Web.Session other = Web.newTherapist(admin.apiKey(), "rating-t2", PASSWORD, "t-2");
        fields.put("a." + prediction + ".1", "8");
        other.postForm(rating, other.csrf(), fields).then().statusCode(404);
        therapist.postForm(rating, "forged", fields).then().statusCode(403);

        therapist.postForm(rating, therapist.csrf(), fields).then().statusCode(303);
        String after = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract().asString();
        assertThat(after).doesNotContain("are shown once you have sent").doesNotContain("Send my rating")
                .contains("<td class=\"num total\">20</td>").contains("<td class=\"num predicted\">32</td>")
                .contains("<td class=\"num gap\">+12</td>").contains("<td class=\"num own\">28</td>")
                .contains("perspective-gap").contains("A gap of 2.77 or more");
        assertThat(fixtures.string("select string_agg(channel, ',' order by channel) from response"
                + " where session_id = ?::uuid", sessionId)).isEqualTo("api,pair-page,pair-page");
        assertThat(fixtures.count("select count(*) from outbox where type = 'perspective-gap' and pair_id = ?::uuid",
                pairId)).isEqualTo(1);
        as(admin.apiKey()).get("/api/v1/audit?objectType=therapist-rating").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.hasItems(303, 403, 404));
    }

    @Test
    void shouldSendNoPerspectiveGapWithoutAThresholdOrBelowIt() {
        Response s = as(admin.apiKey()).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        String pairId = s.path("pairId");
        // The API delivers the therapist's forms too: their links take answers like the client's.
        ScoredPairs.submit(s.path("assignments[1].formUrl"), ScoredPairs.total(40));
        ScoredPairs.submit(s.path("assignments[0].formUrl"), ScoredPairs.total(20));
        assertThat(fixtures.count("select count(*) from outbox where type = 'perspective-gap' and pair_id = ?::uuid",
                pairId)).as("no constants, no threshold").isZero();

        as(admin.apiKey()).body(CONSTANTS).put("/api/v1/published-constants/session-rating-4/1.0.0").then()
                .statusCode(200);
        Response close = as(admin.apiKey()).body(Api.session("c-2", "t-1")).post("/api/v1/sessions");
        ScoredPairs.submit(close.path("assignments[0].formUrl"), ScoredPairs.total(20));
        ScoredPairs.submit(close.path("assignments[1].formUrl"), ScoredPairs.total(22));
        assertThat(fixtures.count("select count(*) from outbox where type = 'perspective-gap' and pair_id = ?::uuid",
                close.path("pairId").toString())).as("a gap of 2 is below 2.77").isZero();
        Response far = as(admin.apiKey()).body(Api.session("c-3", "t-1")).post("/api/v1/sessions");
        ScoredPairs.submit(far.path("assignments[0].formUrl"), ScoredPairs.total(20));
        ScoredPairs.submit(far.path("assignments[1].formUrl"), ScoredPairs.total(16));
        assertThat(fixtures.string("select data ->> 'predictionResponseId' from outbox"
                + " where type = 'perspective-gap' and pair_id = ?::uuid", far.path("pairId").toString()))
                .isNotNull();
        // The therapist's own view is no prediction: it raises nothing, whatever the gap.
        assertThat(fixtures.count("select count(*) from outbox where type like 'alert.%' and data ->> 'questionnaireId'"
                + " like 'session-rating-4-%'")).isZero();
    }

    @Test
    void shouldAcceptARatingAfterTheClientsFormExpiredAndFlagItLate() {
        Response s = as(admin.apiKey()).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        String sessionId = s.path("id");
        fixtures.expire(s.path("assignments[0].id"));
        ScoredPairs.submit(s.path("assignments[1].formUrl"), ScoredPairs.total(30));
        ScoredPairs.submit(s.path("assignments[2].formUrl"), ScoredPairs.total(30));
        assertThat(fixtures.string("select string_agg(quality_flags::text, ',') from response"
                + " where session_id = ?::uuid", sessionId)).isEqualTo("[\"late\"],[\"late\"]");
        Response onTime = as(admin.apiKey()).body(Api.session("c-2", "t-1")).post("/api/v1/sessions");
        ScoredPairs.submit(onTime.path("assignments[1].formUrl"), ScoredPairs.total(30));
        assertThat(fixtures.string("select quality_flags::text from response where session_id = ?::uuid",
                onTime.path("id").toString())).isEqualTo("[]");
    }

    @Test
    void shouldRemindTheClientOnlyAndNeverAboutTheTherapistsForms() {
        String client = "client-" + UUID.randomUUID() + "@example.org";
        String therapist = "therapist-" + UUID.randomUUID() + "@example.org";
        fixtures.setClient(admin.apiKey(), "c-1", client, null);
        as(admin.apiKey()).body("{\"email\":\"" + therapist + "\"}").put("/api/v1/therapists/t-1").then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        Response s = as(admin.apiKey()).body(Api.session("c-1", "t-1")).post("/api/v1/sessions");
        for (int i = 0; i < 3; i++) {
            fixtures.age(s.path("assignments[" + i + "].id"), 48);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(therapist).isEmpty());
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.getMailsSentTo(client).isEmpty());
        assertThat(mailbox.getMailsSentTo(client)).hasSize(1);
        assertThat(fixtures.string("select string_agg(rater || ':' || (reminder_sent_at is not null), ','"
                + " order by rater) from assignment where session_id = ?::uuid", s.path("id").toString()))
                .isEqualTo("client:true,therapist:false,therapist:false");
        assertThat(mailbox.getMailsSentTo(therapist)).as("the link e-mail only").hasSize(1);
    }

    /** The form a link opens, as a browser sees it after the link is traded for the visit cookie. */
    private static String page(String formUrl) {
        String token = formUrl.substring(formUrl.lastIndexOf('/') + 1);
        Response open = given().redirects().follow(false).get("/f/" + token);
        open.then().statusCode(303);
        return given().cookies(open.getCookies()).get("/f").then().statusCode(200).extract().asString();
    }
}
