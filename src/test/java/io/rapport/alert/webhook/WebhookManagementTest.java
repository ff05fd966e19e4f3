package io.rapport.alert.webhook;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.alert.EventTypes;
import io.rapport.alert.Outbox;
import io.rapport.care.PairRepository;

/** Disabling, test events, the delivery list and redelivery, through /api/v1/webhooks. */
@QuarkusTest
class WebhookManagementTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;
    @Inject
    WebhookService webhooks;
    @Inject
    PairRepository pairs;
    @Inject
    EntityManager em;

    WebhookReceiver receiver;
    String key;
    UUID organization;
    UUID pair;

    @BeforeEach
    void organizationAndReceiver() {
        receiver = new WebhookReceiver();
        receiver.down = false;
        key = Api.newOrganization();
        pair = UUID.fromString(as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("pairId"));
        organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pair).organizationId);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldDisableAndEnableAnEndpoint() {
        String id = newEndpoint("/hook", null);
        as(key).post("/api/v1/webhooks/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledAt", notNullValue());
        String disabledAt = as(key).post("/api/v1/webhooks/" + id + "/disable").then().statusCode(200)
                .extract().path("disabledAt");
        as(key).get("/api/v1/webhooks/" + id).then().body("enabled", equalTo(false))
                .body("disabledAt", equalTo(disabledAt));

        as(key).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledAt", nullValue());
        as(key).get("/api/v1/webhooks").then().body("items[0].enabled", equalTo(true));
    }

    @Test
    void shouldQueueNothingForADisabledEndpointAndHoldItsPendingDeliveriesUntilEnabled() {
        String id = newEndpoint("/hook", null);
        UUID held = QuarkusTransaction.requiringNew().call(() -> {
            UUID event = outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", 1));
            webhooks.disable(organization, UUID.fromString(id));
            return event;
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED,
                Map.of("sessionNumber", 2)));

        // Three relay runs at the test profile's one-second interval.
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(TIMEOUT).until(() -> true);
        assertThat(receiver.requests).isEmpty();
        as(key).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(held.toString()))
                .body("items[0].status", equalTo("pending")).body("items[0].attempts", equalTo(0));

        as(key).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200);
        await("the held delivery", () -> receiver.accepted.containsKey(held.toString()));
        assertThat(receiver.accepted).hasSize(1);
    }

    @Test
    void shouldSendASignedTestEventThroughTheOutboxToThatEndpointOnly() {
        String id = newEndpoint("/alerts-only", "[\"alert.below-cutoff\"]");
        newEndpoint("/another", null);

        String eventId = as(key).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                .body("eventType", equalTo("webhook.test")).body("status", equalTo("pending"))
                .body("attempts", equalTo(0)).body("nextAttemptAt", notNullValue())
                .extract().path("id");

        await("the test event", () -> receiver.accepted.containsKey(eventId));
        WebhookReceiver.Request received = receiver.accepted.get(eventId);
        assertThat(received.signatureValid()).isTrue();
        assertThat(received.path()).isEqualTo("/alerts-only");
        assertThat(received.body().get("type").asText()).isEqualTo("webhook.test");
        assertThat(received.body().at("/data/webhookId").asText()).isEqualTo(id);
        assertThat(received.body().at("/data/pairId").isMissingNode()).isTrue();
        assertThat(receiver.requests).extracting(WebhookReceiver.Request::path).containsOnly("/alerts-only");
        Object[] stored = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select type, pair_id from outbox where id = cast(? as uuid)").setParameter(1, eventId)
                .getSingleResult());
        assertThat(stored[0]).isEqualTo("webhook.test");
        assertThat(stored[1]).isNull();
        await("the delivery recorded", () -> "delivered".equals(as(key).get("/api/v1/webhooks/" + id
                + "/deliveries").path("items[0].status")));
        as(key).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(eventId))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(204))
                .body("items[0].nextAttemptAt", nullValue()).body("items[0].deliveredAt", notNullValue());
    }

    @Test
    void shouldRefuseATestEventToADisabledEndpointWritingNothing() {
        String id = newEndpoint("/hook", null);
        as(key).post("/api/v1/webhooks/" + id + "/disable").then().statusCode(200);

        as(key).post("/api/v1/webhooks/" + id + "/test").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("webhookId"));

        assertThat(outboxEvents()).isZero();
        as(key).get("/api/v1/webhooks/" + id + "/deliveries").then().body("total", equalTo(0));
    }

    @Test
    void shouldRedeliverAFailedDeliveryWithOneNewAttemptForADoubleClick() {
        String id = newEndpoint("/hook", null);
        receiver.down = true;
        String event = failedDelivery(id);
        int attemptsBefore = receiver.requests.size();

        as(key).post("/api/v1/webhooks/" + id + "/disable").then().statusCode(200);
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/" + event + "/redeliver").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("webhookId"));
        as(key).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200);

        // The receiver holds the attempt long enough for the second click to find it under way.
        receiver.delayMillis = 1500;
        receiver.down = false;
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/" + event + "/redeliver").then().statusCode(202)
                .body("id", equalTo(event)).body("status", equalTo("pending"));
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/" + event + "/redeliver").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("deliveryId"))
                .body("errors[0].message", equalTo("is pending; only a delivery that failed for good can be"
                        + " redelivered"));

        await("the redelivery", () -> receiver.accepted.containsKey(event));
        await("it recorded", () -> "delivered".equals(deliveryStatus(id, event)));
        assertThat(receiver.requests).hasSize(attemptsBefore + 1);
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/" + event + "/redeliver").then().statusCode(409);
        as(key).get("/api/v1/webhooks/" + id + "/deliveries").then().body("items[0].attempts",
                equalTo(attemptsBefore + 1));
    }

    @Test
    void shouldAnswer404ForAnotherOrganizationsEndpointOrDeliveryAndForUnknownOnes() {
        String id = newEndpoint("/hook", null);
        receiver.down = true;
        String event = failedDelivery(id);
        String sibling = newEndpoint("/sibling", null);
        String other = Api.newOrganization();

        for (String path : List.of("/disable", "/enable", "/test", "/deliveries/" + event + "/redeliver")) {
            as(other).post("/api/v1/webhooks/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(other).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        as(key).post("/api/v1/webhooks/" + sibling + "/deliveries/" + event + "/redeliver").then().statusCode(404);
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver").then()
                .statusCode(404);
        as(key).post("/api/v1/webhooks/" + id + "/deliveries/not-an-id/redeliver").then().statusCode(404);
        as(key).post("/api/v1/webhooks/" + UUID.randomUUID() + "/test").then().statusCode(404);
        assertThat(deliveryStatus(id, event)).isEqualTo("failed");
        as(key).get("/api/v1/webhooks/" + id).then().body("enabled", equalTo(true));
    }

    @Test
    void shouldAuditEveryChangeToAnEndpoint() {
        String id = newEndpoint("/hook", null);
        as(key).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        as(key).post("/api/v1/webhooks/" + id + "/disable").then().statusCode(200);
        as(key).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200);
        as(key).delete("/api/v1/webhooks/" + id).then().statusCode(204);

        List<String> actions = as(key).queryParam("objectType", "webhook").queryParam("objectId", id)
                .get("/api/v1/audit").then().statusCode(200).extract().path("items.action");
        assertThat(actions).containsExactly("erase", "update", "update", "send", "create");
    }

    @Test
    void shouldKeepTheTestTypeOutOfSubscriptionsAndPairEvents() {
        as(key).body("{\"url\":\"" + receiver.url("/hook") + "\",\"eventTypes\":[\"webhook.test\"]}")
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes[0]"));
        assertThat(EventTypes.SUBSCRIBABLE).doesNotContain(EventTypes.TEST).hasSize(EventTypes.ALL.size() - 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.enqueue(organization, pair, EventTypes.TEST, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outboxEvents()).isZero();
    }

    @Test
    void shouldRefuseABadPageSizeNamingIt() {
        String id = newEndpoint("/hook", null);
        as(key).get("/api/v1/webhooks/" + id + "/deliveries?size=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    /** A delivery to the receiver, which is down, that failed for good: its retry window ran out long ago. */
    private String failedDelivery(String endpoint) {
        String event = QuarkusTransaction.requiringNew().call(() -> {
            UUID e = outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", 1));
            em.createNativeQuery("update webhook_delivery set created_at = now() - interval '4 days'"
                    + " where event_id = ?").setParameter(1, e).executeUpdate();
            return e.toString();
        });
        await("the delivery to fail for good", () -> "failed".equals(deliveryStatus(endpoint, event)));
        return event;
    }

    private String deliveryStatus(String endpoint, String event) {
        List<Map<String, Object>> items = as(key).get("/api/v1/webhooks/" + endpoint + "/deliveries?size=200")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> event.equals(i.get("id"))).map(i -> (String) i.get("status")).findFirst()
                .orElse(null);
    }

    private String newEndpoint(String path, String types) {
        String body = "{\"url\":\"" + receiver.url(path) + "\"" + (types == null ? "" : ",\"eventTypes\":" + types)
                + "}";
        var created = as(key).body(body).post("/api/v1/webhooks").then().statusCode(201);
        if (receiver.secret == null) {
            receiver.secret = created.extract().path("secret");
        }
        return created.extract().path("id");
    }

    private long outboxEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox where organization_id = ?").setParameter(1, organization)
                .getSingleResult()).longValue());
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
