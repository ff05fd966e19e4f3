package io.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.TestDatabase;
import io.rapport.Web;
import io.rapport.alert.webhook.WebhookReceiver;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class WebhookPageTest {

    static final String PASSWORD = "admin password 1";
    private static final Pattern SECRET = Pattern.compile("<code id=\"new-secret\">(whsec_[A-Za-z0-9+/=]+)</code>");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    String adminKey;
    Web.Session admin;
    WebhookReceiver receiver;

    @BeforeEach
    void signedInAdminAndReceiver() {
        Web.Admin signedIn = Web.newAdmin("webhooks", PASSWORD);
        adminKey = signedIn.apiKey();
        admin = signedIn.session();
        receiver = new WebhookReceiver();
        receiver.down = false;
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private RequestSpecification form() {
        return admin.form(admin.csrf());
    }

    private Response create(String nonce, String url, String... types) {
        RequestSpecification spec = form().formParam("nonce", nonce).formParam("url", url)
                .formParam("description", "EHR inbox");
        for (String type : types) {
            spec.formParam("eventTypes", type);
        }
        return spec.post("/app/settings/webhooks");
    }

    private String newEndpoint() {
        receiver.secret = secretIn(create(UUID.randomUUID().toString(), receiver.url("/hook")));
        return endpoints().get(0).get("id").toString();
    }

    private List<Map<String, Object>> endpoints() {
        return Api.as(adminKey).get("/api/v1/webhooks").then().statusCode(200).extract().path("items");
    }

    private List<Map<String, Object>> deliveries(String endpoint) {
        return Api.as(adminKey).get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200).extract()
                .path("items");
    }

    private static String secretIn(Response page) {
        return Web.firstIn(page.asString(), SECRET, "the secret on the page");
    }

    @Test
    void shouldCreateAnEndpointAndShowItsSecretOnce() {
        Response r = create("n-1", receiver.url("/hook"), "alert.below-cutoff", "response.completed");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("it will not be shown again", "data-copy=\"new-secret\"");
        String secret = secretIn(r);

        String list = admin.spec().get("/app/settings/webhooks").then().statusCode(200).extract().asString();
        assertThat(list).contains(receiver.url("/hook"), "No deliveries yet").doesNotContain(secret);
        assertThat(endpoints()).singleElement().satisfies(e -> assertThat(e.get("eventTypes"))
                .isEqualTo(List.of("alert.below-cutoff", "response.completed")));
    }

    @Test
    void shouldCreateOneEndpointForAFormSentTwice() {
        String first = secretIn(create("double-click", receiver.url("/hook")));
        String second = secretIn(create("double-click", receiver.url("/hook")));
        assertThat(second).isEqualTo(first);
        assertThat(endpoints()).hasSize(1);
        assertThat(endpoints().get(0).get("eventTypes")).as("no type ticked: every type").isNull();
    }

    @Test
    void shouldShowProblemsNextToTheirFields() {
        Response r = create("bad-1", "ftp://example.org/x", "alert.nope");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"url-error\"", "must be an http or https URL", "id=\"eventTypes-error\"",
                "aria-invalid=\"true\"", "value=\"ftp://example.org/x\"").doesNotContain("new-secret", "Exception");
        Response long500 = form().formParam("nonce", "bad-2").formParam("url", receiver.url("/x"))
                .formParam("description", "d".repeat(501)).post("/app/settings/webhooks");
        assertThat(long500.statusCode()).isEqualTo(422);
        assertThat(long500.asString()).contains("id=\"description-error\"");
        assertThat(endpoints()).isEmpty();
    }

    @Test
    void shouldSendOneTestEventForADoubleClickAndShowItsDelivery() {
        String id = newEndpoint();
        for (int click = 0; click < 2; click++) {
            Response r = form().formParam("nonce", "test-1").post("/app/settings/webhooks/" + id + "/test");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.asString()).contains("Test event queued", "webhook.test");
        }
        assertThat(deliveries(id)).hasSize(1);

        String event = deliveries(id).get(0).get("id").toString();
        Awaitility.await("the test event").atMost(TIMEOUT).until(() -> receiver.accepted.containsKey(event));
        Awaitility.await("its delivery recorded").atMost(TIMEOUT)
                .until(() -> "delivered".equals(deliveries(id).get(0).get("status")));
        String page = admin.spec().get("/app/settings/webhooks").then().statusCode(200).extract().asString();
        assertThat(page).contains("data-delivery=\"" + event + "\"", "Delivered", "204");
        assertThat(receiver.accepted.get(event).signatureValid()).isTrue();
    }

    @Test
    void shouldRedeliverAFailedDeliveryOnceForADoubleClick() throws Exception {
        String id = newEndpoint();
        receiver.down = true;
        form().formParam("nonce", "t").post("/app/settings/webhooks/" + id + "/test").then().statusCode(200);
        String event = deliveries(id).get(0).get("id").toString();
        ageDelivery(event);
        Awaitility.await("the delivery to fail for good").atMost(TIMEOUT)
                .until(() -> "failed".equals(deliveries(id).get(0).get("status")));
        assertThat(admin.spec().get("/app/settings/webhooks").asString()).contains("Failed for good", "Redeliver");
        int attempts = receiver.requests.size();

        receiver.down = false;
        for (int click = 0; click < 2; click++) {
            Response r = form().formParam("nonce", "again-1")
                    .post("/app/settings/webhooks/" + id + "/deliveries/" + event + "/redeliver");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.asString()).contains("Redelivery queued");
        }
        Awaitility.await("the redelivery").atMost(TIMEOUT)
                .until(() -> "delivered".equals(deliveries(id).get(0).get("status")));
        assertThat(receiver.requests).hasSize(attempts + 1);

        Response again = form().formParam("nonce", "again-2")
                .post("/app/settings/webhooks/" + id + "/deliveries/" + event + "/redeliver");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("That delivery is delivered");
    }

    @Test
    void shouldDisableEnableAndDeleteAnEndpoint() {
        String id = newEndpoint();
        assertThat(form().post("/app/settings/webhooks/" + id + "/disable").asString()).contains("Disabled since",
                "Enable " + receiver.url("/hook")).doesNotContain("Send a test event to");
        Response test = form().formParam("nonce", "t").post("/app/settings/webhooks/" + id + "/test");
        assertThat(test.statusCode()).isEqualTo(409);
        assertThat(test.asString()).contains("to send it a test event");
        assertThat(deliveries(id)).isEmpty();

        form().post("/app/settings/webhooks/" + id + "/enable").then().statusCode(200);
        assertThat(endpoints().get(0).get("enabled")).isEqualTo(true);
        assertThat(form().post("/app/settings/webhooks/" + id + "/delete").asString()).contains("Deleted");
        assertThat(endpoints()).isEmpty();
        form().post("/app/settings/webhooks/" + id + "/delete").then().statusCode(404);
        List<String> audited = Api.as(adminKey).queryParam("objectType", "webhook").queryParam("objectId", id)
                .get("/api/v1/audit").then().statusCode(200).extract()
                .path("items.findAll { it.route.startsWith('POST /app') }.collect { it.action + ' ' + it.outcome }");
        // The second delete found nothing: a denied row; the refused test event (409) wrote nothing.
        assertThat(audited).containsExactly("erase denied", "erase allowed", "update allowed", "update allowed");
    }

    @Test
    void shouldKeepTherapistsForgedFormsAndOtherOrganizationsOut() {
        String id = newEndpoint();
        Web.newTherapist(adminKey, "therapist", PASSWORD, "T-1").spec().get("/app/settings/webhooks").then().statusCode(403);
        admin.form("forged")
                .post("/app/settings/webhooks/" + id + "/disable").then().statusCode(403);

        Web.Session other = Web.newAdmin("other-webhooks", PASSWORD).session();
        for (String action : List.of("/disable", "/enable", "/delete", "/test",
                "/deliveries/" + UUID.randomUUID() + "/redeliver")) {
            Response r = other.form(other.csrf())
                    .formParam("nonce", "n").post("/app/settings/webhooks/" + id + action);
            assertThat(r.statusCode()).as(action).isEqualTo(404);
            assertThat(r.asString()).contains("That endpoint was not found.");
        }
        assertThat(other.spec().get("/app/settings/webhooks").asString()).doesNotContain(receiver.url("/hook"));
        form().formParam("nonce", "n").post("/app/settings/webhooks/" + id + "/deliveries/" + UUID.randomUUID()
                + "/redeliver").then().statusCode(404);
        assertThat(endpoints().get(0).get("enabled")).isEqualTo(true);
        assertThat(deliveries(id)).isEmpty();
    }

    /** As if the delivery had been retried for longer than the three-day window already. */
    private static void ageDelivery(String event) throws Exception {
        try (var c = TestDatabase.owner().getConnection();
                var s = c.prepareStatement("update webhook_delivery set created_at = now() - interval '4 days'"
                        + " where event_id = ?::uuid")) {
            s.setString(1, event);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
