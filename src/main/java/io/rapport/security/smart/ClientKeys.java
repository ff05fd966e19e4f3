package io.rapport.security.smart;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.rapport.common.error.ApiException;
import io.rapport.common.outbound.OutboundHttp;
import io.rapport.security.SecurityConfig;

/**
 * A client's public keys: parsed with jose4j from the registered JWKS, or fetched from its {@code jwksUrl} through
 * the installation's outbound URL policy (no private addresses, DNS pinned) and cached for
 * {@code rapport.security.smart.jwks-cache-ttl}.
 */
@ApplicationScoped
public class ClientKeys {

    /** Fetched JWKS by client id and URL ({@code quarkus.cache.caffeine.smart-jwks}). */
    public static final String CACHE = "smart-jwks";
    /** JWKS documents are a few kB; this bounds what a client's URL can make Rapport read. */
    static final int MAX_JWKS_BYTES = 64 * 1024;
    /** An unknown {@code kid} refetches the JWKS (the client rotated keys), but not more often than this. */
    static final Duration REFETCH_AFTER = Duration.ofSeconds(30);
    static final int MIN_RSA_BITS = 2048;

    /** Keys and when they were fetched. */
    record Fetched(List<JsonWebKey> keys, Instant at) {
    }

    private final OutboundHttp outbound;
    private final CaffeineCache cache;
    private final Duration ttl;

    public ClientKeys(OutboundHttp outbound, @CacheName(CACHE) Cache cache, SecurityConfig config) {
        this.outbound = outbound;
        this.cache = cache.as(CaffeineCache.class);
        this.ttl = config.smart().jwksCacheTtl();
    }

    /**
     * Checks a JWKS URL: https (http only where the policy allows private addresses, i.e. tests and closed
     * networks), and then whatever {@link OutboundHttp#check} requires.
     */
    URI checkUrl(String field, String url) {
        URI uri = outbound.check(field, url);
        if (!uri.getScheme().toLowerCase(Locale.ROOT).equals("https") && !outbound.allowsPrivateAddresses()) {
            throw ApiException.unprocessable(field, "must be an https URL");
        }
        return uri;
    }

    /** Fetches and checks the JWKS at a URL; a 422 naming {@code field} says what is wrong. */
    List<JsonWebKey> fetchChecked(String field, String url) {
        checkUrl(field, url);
        String json;
        try {
            json = outbound.get(field, url, "application/json", MAX_JWKS_BYTES);
        } catch (IOException e) {
            throw ApiException.unprocessable(field, "could not be fetched: " + e.getMessage());
        }
        return parseChecked(field, json);
    }

    /** Parses a JWKS and keeps it only if it holds usable public signing keys; a 422 naming {@code field}. */
    static List<JsonWebKey> parseChecked(String field, String json) {
        List<JsonWebKey> keys;
        try {
            keys = new JsonWebKeySet(json).getJsonWebKeys();
        } catch (JoseException | RuntimeException e) {
            throw ApiException.unprocessable(field, "is not a valid JWKS (RFC 7517): " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw ApiException.unprocessable(field, "holds no keys");
        }
        for (JsonWebKey key : keys) {
            if (!(key instanceof RsaJsonWebKey) && !(key instanceof EllipticCurveJsonWebKey)) {
                throw ApiException.unprocessable(field, "may hold only RSA and EC public keys, not " + key.getKeyType());
            }
            if (((PublicJsonWebKey) key).getPrivateKey() != null) {
                throw ApiException.unprocessable(field,
                        "holds a private key; register the public keys only and keep the private key secret");
            }
            if (key instanceof RsaJsonWebKey rsa && rsa.getRsaPublicKey().getModulus().bitLength() < MIN_RSA_BITS) {
                throw ApiException.unprocessable(field, "RSA keys must have at least " + MIN_RSA_BITS + " bits");
            }
        }
        return keys;
    }

    /** The client's keys for a token request; {@code fresh} refetches a URL's JWKS unless it was fetched just now. */
    List<JsonWebKey> of(SmartClient client, boolean fresh) throws IOException {
        if (client.jwks != null) {
            return parse(client.jwks);
        }
        String key = client.id + " " + client.jwksUrl;
        CompletableFuture<Fetched> cached = cache.getIfPresent(key);
        Fetched hit = cached == null || cached.isCompletedExceptionally() ? null : cached.join();
        Instant now = Instant.now();
        if (hit != null && now.isBefore(hit.at().plus(ttl))
                && !(fresh && now.isAfter(hit.at().plus(REFETCH_AFTER)))) {
            return hit.keys();
        }
        String json;
        try {
            json = outbound.get("jwksUrl", client.jwksUrl, "application/json", MAX_JWKS_BYTES);
        } catch (ApiException e) {
            throw new IOException("the JWKS URL is no longer allowed: " + e.getMessage(), e);
        }
        List<JsonWebKey> keys = parse(json);
        cache.put(key, CompletableFuture.completedFuture(new Fetched(keys, now)));
        return keys;
    }

    /** Whether the keys may come from a URL that can change (so an unknown kid is worth a refetch). */
    static boolean byUrl(SmartClient client) {
        return client.jwksUrl != null;
    }

    private static List<JsonWebKey> parse(String json) throws IOException {
        try {
            return new JsonWebKeySet(json).getJsonWebKeys().stream()
                    .filter(k -> k instanceof PublicJsonWebKey p && p.getPrivateKey() == null).toList();
        } catch (JoseException | RuntimeException e) {
            throw new IOException("the client's JWKS is not valid: " + e.getMessage(), e);
        }
    }
}
