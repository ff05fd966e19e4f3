package io.rapport.security.apikey;

import static io.rapport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

@QuarkusTest
class ApiRateLimitTest {

    /** Above the test profile's burst of 150 plus what refills while they are sent. */
    static final int ATTEMPTS = 400;

    @Test
    void shouldAnswer429WithRetryAfterBeyondTheKeysRate() {
        String key = Api.newOrganization();
        Response limited = null;
        for (int i = 0; i < ATTEMPTS && limited == null; i++) {
            Response r = as(key).queryParam("size", 1).get("/api/v1/pairs");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within " + ATTEMPTS + " requests").isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        as(Api.newOrganization()).get("/api/v1/pairs").then().statusCode(200);
    }
}
