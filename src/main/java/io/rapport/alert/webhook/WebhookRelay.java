package io.rapport.alert.webhook;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduled;
import io.rapport.alert.AlertConfig;
import io.rapport.alert.webhook.DeliveryStore.Claim;
import io.rapport.common.error.ApiException;
import io.vertx.core.Vertx;

/**
 * Sends outbox events to webhook endpoints as signed POSTs (Standard Webhooks), at least once, retrying with
 * backoff. Works on any number of instances: each attempt is claimed in the database first.
 */
@ApplicationScoped
public class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class);
    /** Bounds one scheduled run, so a flood of events cannot keep the scheduler thread forever. */
    private static final int MAX_ROUNDS = 20;
    private static final int MAX_ERROR_LENGTH = 200;

    private final DeliveryStore store;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final AlertConfig.Webhooks config;
    private final WebhookUrlValidator urls;
    private final WebhookSender http;

    public WebhookRelay(DeliveryStore store, SecretCipher cipher, ObjectMapper json, AlertConfig config, Vertx vertx) {
        this.store = store;
        this.cipher = cipher;
        this.json = json;
        this.config = config.webhooks();
        this.urls = new WebhookUrlValidator(this.config.allowPrivateAddresses());
        this.http = new WebhookSender(vertx, this.config.connectTimeout(), this.config.readTimeout());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(identity = "webhook-relay", every = "${rapport.alert.webhooks.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Claim> claims = store.claim(config.batchSize(), lease());
            if (claims.isEmpty()) {
                return;
            }
            List<CompletableFuture<Outcome>> inFlight = new ArrayList<>();
            for (Claim claim : claims) {
                inFlight.add(send(claim));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            // Recorded here, on the scheduler's worker: the answers arrive on an event loop, which may not block.
            for (int i = 0; i < claims.size(); i++) {
                record(claims.get(i), inFlight.get(i).join());
            }
        }
    }

    private CompletableFuture<Outcome> send(Claim claim) {
        WebhookUrlValidator.Target target;
        Map<String, String> headers = new LinkedHashMap<>();
        String body;
        try {
            // Checked before every attempt, and the attempt connects to the address that passed.
            target = urls.target(claim.url());
            String secret = cipher.open(claim.endpointId(), claim.sealedSecret());
            String id = claim.eventId().toString();
            long timestamp = Instant.now().getEpochSecond();
            body = body(claim);
            headers.put("content-type", "application/json");
            headers.put("user-agent", "Rapport-Webhooks/1");
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body));
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, "url refused: " + e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, e.getMessage()));
        }
        long limit = config.connectTimeout().plus(config.readTimeout()).toMillis();
        return http.post(target, headers, body)
                .orTimeout(limit, TimeUnit.MILLISECONDS)
                .handle((status, error) -> {
                    if (error != null) {
                        return Outcome.failed(null, describe(error));
                    }
                    return status / 100 == 2 ? Outcome.delivered(status) : Outcome.failed(status, "HTTP " + status);
                });
    }

    private void record(Claim claim, Outcome outcome) {
        try {
            if (outcome.delivered()) {
                store.delivered(claim, outcome.statusCode());
            } else if (store.attemptFailed(claim, outcome.statusCode(), truncate(outcome.error()),
                    backoff(claim.attempt()), config.retryWindow())) {
                LOG.warnf("Webhook event %s to endpoint %s failed for good after %d attempts: %s", claim.eventId(),
                        claim.endpointId(), claim.attempt(), truncate(outcome.error()));
            }
        } catch (RuntimeException e) {
            // The lease runs out and the attempt is repeated: at least once, never lost.
            LOG.warnf(e, "Could not record webhook delivery %s to %s", claim.eventId(), claim.endpointId());
        }
    }

    /** The delay before the attempt after {@code attempt}; the last configured delay repeats. */
    Duration backoff(int attempt) {
        List<Duration> delays = config.backoff();
        return delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
    }

    private String body(Claim claim) {
        try {
            ObjectNode body = json.createObjectNode();
            body.put("type", claim.type());
            body.put("timestamp", claim.eventCreatedAt().toString());
            body.set("data", json.readTree(claim.data()));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox data is not JSON", e);
        }
    }

    /** A lease longer than any attempt can take, so two instances never send the same attempt at once. */
    private Duration lease() {
        return config.connectTimeout().plus(config.readTimeout()).multipliedBy(2).plusSeconds(30);
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return cause.getClass().getSimpleName();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private record Outcome(boolean delivered, Integer statusCode, String error) {

        static Outcome delivered(int statusCode) {
            return new Outcome(true, statusCode, null);
        }

        static Outcome failed(Integer statusCode, String error) {
            return new Outcome(false, statusCode, error);
        }
    }
}
