package io.rapport.alert.webhook;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.alert.EventTypes;
import io.rapport.alert.Outbox;
import io.rapport.care.PairRepository;

/** Claims as two relay instances would make them, with the application's own relay paused. */
@QuarkusTest
class DeliveryStoreTest {

    private static final String RELAY = "webhook-relay";
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    DeliveryStore store;
    @Inject
    Outbox outbox;
    @Inject
    PairRepository pairs;
    @Inject
    Scheduler scheduler;

    String key;
    String endpoint;

    @BeforeEach
    void pauseRelay() {
        scheduler.pause(RELAY);
        key = Api.newOrganization();
        // Nothing listens on the discard port; the relay never gets to send here while the test runs.
        endpoint = as(key).body("{\"url\":\"http://127.0.0.1:9/hook\"}").post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
    }

    @AfterEach
    void resumeRelay() {
        as(key).delete("/api/v1/webhooks/" + endpoint).then().statusCode(204);
        scheduler.resume(RELAY);
    }

    @Test
    void shouldNeverHandTheSameDeliveryToTwoClaimersAndHoldBackLaterEventsOfAPair() throws Exception {
        List<UUID> firstEvents = new ArrayList<>();
        UUID secondOfFirstPair = null;
        for (int i = 0; i < 6; i++) {
            UUID pair = newPair("c-" + i);
            UUID organization = QuarkusTransaction.requiringNew().call(() -> pairs.findById(pair).organizationId);
            firstEvents.add(enqueue(organization, pair));
            if (i == 0) {
                secondOfFirstPair = enqueue(organization, pair);
            }
        }

        List<DeliveryStore.Claim> first;
        List<DeliveryStore.Claim> second;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<List<DeliveryStore.Claim>> claimer = () -> {
                start.await();
                return ownClaims(store.claim(50, LEASE));
            };
            Future<List<DeliveryStore.Claim>> a = pool.submit(claimer);
            Future<List<DeliveryStore.Claim>> b = pool.submit(claimer);
            start.countDown();
            first = a.get();
            second = b.get();
        } finally {
            pool.shutdown();
        }

        Set<UUID> firstIds = ids(first);
        Set<UUID> secondIds = ids(second);
        Set<UUID> all = new HashSet<>(firstIds);
        all.addAll(secondIds);
        assertThat(first.size() + second.size()).as("no delivery claimed twice").isEqualTo(all.size());
        assertThat(all).containsExactlyInAnyOrderElementsOf(firstEvents).doesNotContain(secondOfFirstPair);
        assertThat(ownClaims(store.claim(50, LEASE))).as("leases still held").isEmpty();
    }

    private UUID enqueue(UUID organization, UUID pair) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueue(organization, pair, EventTypes.RESPONSE_COMPLETED, Map.of()));
    }

    private List<DeliveryStore.Claim> ownClaims(List<DeliveryStore.Claim> claims) {
        return claims.stream().filter(c -> c.endpointId().toString().equals(endpoint)).toList();
    }

    private static Set<UUID> ids(List<DeliveryStore.Claim> claims) {
        Set<UUID> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.eventId()));
        return ids;
    }

    private UUID newPair(String clientId) {
        return UUID.fromString(as(key).body(session(clientId, "t-1")).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("pairId"));
    }
}
