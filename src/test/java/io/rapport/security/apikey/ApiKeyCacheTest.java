package io.rapport.security.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.security.Secrets;

/** The API-key cache is quarkus-cache's {@code api-keys}; its expiry is proven in {@link ApiKeyAuthenticationTest}. */
@QuarkusTest
class ApiKeyCacheTest {

    @CacheName(ApiKeyIdentityProvider.CACHE)
    Cache cache;

    @Test
    void shouldKeepAKeyItFoundByItsHash() {
        String key = Api.newOrganization();
        given().auth().oauth2(key).get("/api/v1/pairs").then().statusCode(200);
        assertThat(cache.as(CaffeineCache.class).keySet()).contains(Secrets.hash(key));
        assertThat(cache.as(CaffeineCache.class).keySet()).doesNotContain(key);
    }

    @Test
    void shouldNotKeepKeysItDidNotFind() {
        String guess = "rpk_not-a-key-" + System.nanoTime();
        given().auth().oauth2(guess).get("/api/v1/pairs").then().statusCode(401);
        assertThat(cache.as(CaffeineCache.class).keySet()).doesNotContain(Secrets.hash(guess));
    }
}
