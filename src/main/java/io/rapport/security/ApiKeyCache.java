package io.rapport.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of recently used API keys, by key hash, for a short time. Without it every API call spent a
 * transaction and a query on its key (a tenth of a trend read's CPU). Only keys that were found are kept, so a new
 * key works at once and guessed keys take no room; a key revoked in the database is refused once its entry
 * expires.
 */
final class ApiKeyCache {

    /** Far above the keys one instance sees in a few seconds; reaching it only empties the cache. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    ApiKeyCache(Duration ttl, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("rapport.security.api-key-cache-ttl must not be negative");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<SecurityIdentity> get(String keyHash) {
        if (ttlNanos == 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    void put(String keyHash, SecurityIdentity identity) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(identity, nanoTime.getAsLong() + ttlNanos));
    }

    int size() {
        return entries.size();
    }
}
