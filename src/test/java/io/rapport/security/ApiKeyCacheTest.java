package io.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class ApiKeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole("admin").build();
    }

    @Test
    void shouldServeAKeyUntilItsTimeIsUpAndThenLookAgain() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(5), now::get);
        SecurityIdentity id = identity("api-key:1");
        cache.put("h1", id);

        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(cache.get("h1")).containsSame(id);
        now.addAndGet(1);
        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldNotKnowKeysItWasNeverGiven() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(5), now::get);
        cache.put("h1", identity("api-key:1"));
        assertThat(cache.get("h2")).isEmpty();
    }

    @Test
    void shouldKeepNothingWhenTheTimeIsZero() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ZERO, now::get);
        cache.put("h1", identity("api-key:1"));
        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldStayBoundedWhateverNumberOfKeysItSees() {
        ApiKeyCache cache = new ApiKeyCache(Duration.ofMinutes(1), now::get);
        for (int i = 0; i < ApiKeyCache.MAX_ENTRIES * 2 + 7; i++) {
            cache.put("h" + i, identity("api-key:" + i));
        }
        assertThat(cache.size()).isBetween(1, ApiKeyCache.MAX_ENTRIES);
        assertThat(cache.get("h" + (ApiKeyCache.MAX_ENTRIES * 2 + 6))).isPresent();
    }

    @Test
    void shouldRefuseANegativeTime() {
        assertThatThrownBy(() -> new ApiKeyCache(Duration.ofSeconds(-1), now::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api-key-cache-ttl");
    }
}
