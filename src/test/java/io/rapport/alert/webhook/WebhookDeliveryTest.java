package io.rapport.alert.webhook;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.alert.Alerts;
import io.rapport.alert.EventTypes;
import io.rapport.alert.Outbox;
import io.rapport.care.PairRepository;

@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    Alerts alerts;
    @Inject
    PairRepository pairs;
    @Inject
    EntityManager em;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldDeliverEverySignedEventInOrderPerPairOnceTheReceiverRecovers() throws Exception {
        String key = Api.newOrganization();
        UUID pairA = newPair(key, "c-1");
        UUID pairB = newPair(key, "c-2");
        UUID organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pairA).organizationId);
        receiver.secret = as(key).body("{\"url\":\"" + receiver.url("/hook") + "\"}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");
        String otherKey = Api.newOrganization();
        as(otherKey).body("{\"url\":\"" + receiver.url("/other-organization") + "\"}").post("/api/v1/webhooks")
                .then().statusCode(201);

        Map<UUID, List<String>> expected = Map.of(pairA, new ArrayList<>(), pairB, new ArrayList<>());
        for (int session = 1; session <= 4; session++) {
            for (UUID pair : List.of(pairA, pairB)) {
                int number = session;
                expected.get(pair).add(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(organization,
                        pair, EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", number))).toString());
            }
        }
        UUID alert = QuarkusTransaction.requiringNew().call(() -> alerts
                .raise(organization, pairA, "srs", "below-cutoff", 4, Map.of("score", 30)).orElseThrow());
        expected.get(pairA).add(eventOfAlert(alert));

        await("retries while the receiver is down", () -> receiver.requests.size() >= 4);
        Set<String> triedWhileDown = receiver.requests.stream().map(WebhookReceiver.Request::id).collect(Collectors.toSet());
        assertThat(triedWhileDown).as("later events of a pair wait for the first one")
                .isSubsetOf(expected.get(pairA).get(0), expected.get(pairB).get(0));

        receiver.down = false;
        await("every event accepted", () -> receiver.accepted.size() == 9);

        for (UUID pair : List.of(pairA, pairB)) {
            List<String> acceptedForPair = receiver.acceptedOrder.stream()
                    .filter(id -> receiver.accepted.get(id).body().at("/data/pairId").asText().equals(pair.toString()))
                    .toList();
            assertThat(acceptedForPair).isEqualTo(expected.get(pair));
        }
        assertThat(receiver.duplicates).isEmpty();
        assertThat(receiver.requests).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(receiver.requests).extracting(WebhookReceiver.Request::path).containsOnly("/hook");
        JsonNode alertEvent = receiver.accepted.get(eventOfAlert(alert)).body();
        assertThat(alertEvent.get("type").asText()).isEqualTo("alert.below-cutoff");
        assertThat(alertEvent.at("/data/alertId").asText()).isEqualTo(alert.toString());
        assertThat(alertEvent.at("/data/score").isMissingNode()).isTrue();
        JsonNode first = receiver.accepted.get(expected.get(pairB).get(0)).body();
        assertThat(first.get("type").asText()).isEqualTo("response.completed");
        assertThat(first.at("/data/sessionNumber").asInt()).isEqualTo(1);
        assertThat(Instant.parse(first.get("timestamp").asText())).isBefore(Instant.now());
        await("every delivery recorded", () -> deliveryStatuses(organization).equals(List.of(
                "delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
                "delivered", "delivered")));
    }

    @Test
    void shouldOnlyDeliverSubscribedTypes() {
        String key = Api.newOrganization();
        UUID pair = newPair(key, "c-1");
        UUID organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pair).organizationId);
        receiver.down = false;
        receiver.secret = as(key)
                .body("{\"url\":\"" + receiver.url("/alerts") + "\",\"eventTypes\":[\"alert.split-alliance\"]}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");

        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(organization, pair,
                EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", 1)));
        UUID alert = QuarkusTransaction.requiringNew().call(() -> alerts
                .raise(organization, pair, "srs", "split-alliance", 1, Map.of()).orElseThrow());

        await("the subscribed event", () -> receiver.accepted.size() == 1);
        assertThat(receiver.accepted).containsOnlyKeys(eventOfAlert(alert));
        await("the delivery recorded", () -> deliveryStatuses(organization).equals(List.of("delivered")));
    }

    @Test
    void shouldGiveUpAfterTheRetryWindowAndNoLongerBlockTheNextEvent() {
        String key = Api.newOrganization();
        UUID pair = newPair(key, "c-1");
        UUID organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pair).organizationId);
        receiver.secret = as(key).body("{\"url\":\"" + receiver.url("/hook") + "\"}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");
        String[] events = new String[2];
        QuarkusTransaction.requiringNew().run(() -> {
            events[0] = outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", 1))
                    .toString();
            events[1] = outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of("sessionNumber", 2))
                    .toString();
            // As if the first event had been retried for longer than the three-day window already.
            em.createNativeQuery("update webhook_delivery set created_at = now() - interval '4 days'"
                    + " where event_id = cast(? as uuid)").setParameter(1, events[0]).executeUpdate();
        });

        await("the first delivery to fail for good", () -> deliveryStatuses(organization).contains("failed"));
        receiver.down = false;
        await("the second event", () -> receiver.accepted.containsKey(events[1]));

        assertThat(receiver.accepted).doesNotContainKey(events[0]);
        List<?> failed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(event_id as text), last_status_code, last_error, attempts from webhook_delivery"
                        + " where organization_id = ? and status = 'failed'")
                .setParameter(1, organization).getResultList());
        assertThat(failed).hasSize(1);
        Object[] row = (Object[]) failed.get(0);
        assertThat(row[0]).isEqualTo(events[0]);
        assertThat(((Number) row[1]).intValue()).isEqualTo(503);
        assertThat(row[2]).isEqualTo("HTTP 503");
        assertThat(((Number) row[3]).intValue()).isEqualTo(1);
    }

    private String eventOfAlert(UUID alert) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select cast(id as text) from outbox where data ->> 'alertId' = ?")
                .setParameter(1, alert.toString()).getSingleResult().toString());
    }

    private List<String> deliveryStatuses(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select status from webhook_delivery where organization_id = ?", String.class)
                .setParameter(1, organization).getResultList());
    }

    private static UUID newPair(String apiKey, String clientId) {
        return UUID.fromString(as(apiKey).body(session(clientId, "t-1")).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("pairId"));
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
