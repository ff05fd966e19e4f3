package io.rapport.alert.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduled;
import io.rapport.alert.AlertConfig;
import io.rapport.alert.webhook.DeliveryStore.Claim;
import io.rapport.common.error.ApiException;

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
    private final HttpClient http;

    public WebhookRelay(DeliveryStore store, SecretCipher cipher, ObjectMapper json, AlertConfig config) {
        this.store = store;
        this.cipher = cipher;
        this.json = json;
        this.config = config.webhooks();
        this.urls = new WebhookUrlValidator(this.config.allowPrivateAddresses());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(identity = "webhook-relay", every = "${rapport.alert.webhooks.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Claim> claims = store.claim(config.batchSize(), lease());
            if (claims.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> inFlight = new ArrayList<>();
            for (Claim claim : claims) {
                inFlight.add(send(claim).thenAccept(outcome -> record(claim, outcome)));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        }
    }

    private CompletableFuture<Outcome> send(Claim claim) {
        HttpRequest request;
        try {
            URI uri = urls.check(claim.url());
            String secret = cipher.open(claim.endpointId(), claim.sealedSecret());
            String id = claim.eventId().toString();
            long timestamp = Instant.now().getEpochSecond();
            String body = body(claim);
            request = HttpRequest.newBuilder(uri)
                    .timeout(config.readTimeout())
                    .header("content-type", "application/json")
                    .header("user-agent", "Rapport-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (ApiException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, "url refused: " + e.getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcome.failed(null, e.getMessage()));
        }
        long limit = config.connectTimeout().plus(config.readTimeout()).toMillis();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(limit, TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        return Outcome.failed(null, describe(error));
                    }
                    int status = response.statusCode();
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
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
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
