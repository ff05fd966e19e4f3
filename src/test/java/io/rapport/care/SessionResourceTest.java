package io.rapport.care;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.security.Secrets;
import io.restassured.response.Response;

@QuarkusTest
class SessionResourceTest {

    private static final String FORM_URL = "http://localhost:8080/f/[A-Za-z0-9_-]{43}";

    @Inject
    DataSource dataSource;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldCreateSessionWithAssignmentsThatHaveFormUrls() {
        Instant before = Instant.now();
        Response r = as(key).body(session("c-1", "t-1")).post("/api/v1/sessions");
        r.then().statusCode(201)
                .contentType("application/json")
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("pairId", notNullValue())
                .body("sessionNumber", equalTo(1))
                .body("assignments", hasSize(1))
                .body("assignments[0].id", notNullValue())
                .body("assignments[0].questionnaireId", notNullValue())
                .body("assignments[0].formUrl", matchesPattern(FORM_URL));
        Instant expiresAt = Instant.parse(r.path("assignments[0].expiresAt"));
        assertThat(Duration.between(before, expiresAt)).isBetween(Duration.ofHours(72).minusMinutes(1),
                Duration.ofHours(72).plusMinutes(1));
    }

    @Test
    void shouldNumberSessionsOnePerPair() {
        for (int expected = 1; expected <= 3; expected++) {
            as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                    .body("sessionNumber", equalTo(expected));
        }
        as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                .body("sessionNumber", equalTo(1));
    }

    @Test
    void shouldUseTheGivenSessionNumberAndRefuseItTwice() {
        String body = "{\"clientId\":\"c-1\",\"therapistId\":\"t-1\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"sessionNumber\":7}";
        as(key).body(body).post("/api/v1/sessions").then().statusCode(201).body("sessionNumber", equalTo(7));
        as(key).body(body).post("/api/v1/sessions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sessionNumber"));
        as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                .body("sessionNumber", equalTo(8));
    }

    @Test
    void shouldReturnTheFirstResultForARepeatedEncounterId() {
        String body = "{\"clientId\":\"c-1\",\"therapistId\":\"t-1\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"enc-1\"}";
        Response first = as(key).body(body).post("/api/v1/sessions");
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response second = as(key).body(body).post("/api/v1/sessions");
        second.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("sessionNumber", equalTo(1))
                .body("assignments[0].id", equalTo(first.path("assignments[0].id")));
        as(key).get("/api/v1/pairs/" + first.path("pairId")).then().statusCode(200).body("sessions", hasSize(1));
    }

    @Test
    void shouldRefuseAnEncounterIdReusedForAnotherClient() {
        String body = "{\"clientId\":\"c-1\",\"therapistId\":\"t-1\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"enc-2\"}";
        as(key).body(body).post("/api/v1/sessions").then().statusCode(201);
        as(key).body(body.replace("c-1", "c-9")).post("/api/v1/sessions").then().statusCode(409)
                .body("errors[0].field", equalTo("encounterId"));
    }

    @Test
    void shouldReturnTheFirstResultForARepeatedIdempotencyKey() {
        Response first = as(key).header("Idempotency-Key", "k-1").body(session("c-1", "t-1"))
                .post("/api/v1/sessions");
        first.then().statusCode(201);
        as(key).header("Idempotency-Key", "k-1").body(session("c-1", "t-1")).post("/api/v1/sessions")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        as(key).get("/api/v1/pairs/" + first.path("pairId")).then().body("sessions", hasSize(1));
    }

    @Test
    void shouldRefuseAReusedIdempotencyKeyWithAnotherBody() {
        as(key).header("Idempotency-Key", "k-2").body(session("c-1", "t-1")).post("/api/v1/sessions")
                .then().statusCode(201);
        as(key).header("Idempotency-Key", "k-2").body(session("c-2", "t-1")).post("/api/v1/sessions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        as(key).queryParam("clientId", "c-2").get("/api/v1/pairs").then().body("total", equalTo(0));
    }

    @Test
    void shouldCreateOneSessionWhenIdenticalKeyedRequestsArriveTogether() throws Exception {
        List<Response> responses = concurrently(8,
                () -> as(key).header("Idempotency-Key", "same").body(session("c-1", "t-1")).post("/api/v1/sessions"));
        assertOneSession(responses);
    }

    @Test
    void shouldCreateOneSessionWhenIdenticalEncounterRequestsArriveTogether() throws Exception {
        String body = "{\"clientId\":\"c-3\",\"therapistId\":\"t-3\",\"occurredAt\":\"2026-11-20T15:00:00Z\",\"encounterId\":\"enc-c\"}";
        List<Response> responses = concurrently(8, () -> as(key).body(body).post("/api/v1/sessions"));
        assertOneSession(responses);
    }

    @Test
    void shouldStoreTheLinkTokenOnlyAsItsHash() throws Exception {
        String formUrl = as(key).body(session("c-1", "t-1")).post("/api/v1/sessions")
                .then().statusCode(201).extract().path("assignments[0].formUrl");
        String token = formUrl.substring(formUrl.lastIndexOf('/') + 1);
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select a.* from assignment a where a.token_hash = ?")) {
            s.setString(1, Secrets.hash(token));
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("assignment found by the token's hash").isTrue();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain(token);
                }
            }
        }
    }

    private static List<Response> concurrently(int n, java.util.concurrent.Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneSession(List<Response> responses) {
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        Set<String> ids = responses.stream().map(r -> r.<String> path("id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(responses.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed")))).hasSize(1);
        String pairId = responses.get(0).path("pairId");
        as(key).get("/api/v1/pairs/" + pairId).then().statusCode(200).body("sessions", hasSize(1));
    }
}
