package io.rapport.alert;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.alert")
public interface AlertConfig {

    /** Delivery of outbox events to the organizations' webhook endpoints. */
    Webhooks webhooks();

    interface Webhooks {

        /** How often the relay looks for deliveries that are due. */
        @WithDefault("1s")
        Duration relayInterval();

        /**
         * Delays before the second, third, ... attempt of a delivery; the last one repeats until the retry
         * window closes.
         */
        @WithDefault("5s,30s,2m,10m,1h")
        List<Duration> backoff();

        /** How long after an event a delivery is retried before it is marked failed for good. */
        @WithDefault("3d")
        Duration retryWindow();

        /** Time allowed to open a connection to an endpoint. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** Time allowed for an endpoint to answer once the request is sent. */
        @WithDefault("5s")
        Duration readTimeout();

        /** Deliveries claimed per relay round; each claimed delivery is sent concurrently. */
        @WithDefault("50")
        int batchSize();

        /**
         * Whether endpoints may resolve to loopback, private, link-local and other non-public addresses. Off
         * by default so that an admin cannot make Rapport probe its own network or cloud metadata.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /**
         * Base64 of a 16, 24 or 32 byte AES key that encrypts signing secrets at rest (AES-GCM). Set it from a
         * secret store in production; without it the key comes from {@link #secretKeyFile()}.
         */
        Optional<String> secretKey();

        /**
         * Where the AES key is kept when {@link #secretKey()} is not set. Created with a random 256-bit key,
         * readable by the owner only, on first start; keep it with the data and out of database backups, since
         * losing it makes the stored signing secrets unusable.
         */
        @WithDefault("data/webhook-secret.key")
        Path secretKeyFile();
    }
}
