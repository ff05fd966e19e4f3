package io.rapport.delivery;

import static io.rapport.Api.as;
import static io.rapport.delivery.FormFixtures.anonymous;
import static io.rapport.delivery.FormFixtures.srsAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

@QuarkusTest
class FormSubmissionResourceTest {

    @Inject
    DataSource dataSource;

    FormFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new FormFixtures(dataSource);
    }

    @Test
    void shouldScoreStoreAndConsumeTheLink() {
        FormFixtures.Created s = fixtures.session();
        anonymous().body(srsAnswers("9", "8.5", "7", "10")).post("/api/v1/forms/" + s.token() + "/responses")
                .then().statusCode(201)
                .contentType("application/json")
                .body("questionnaireId", equalTo("session-rating-4"))
                .body("total", equalTo(34.5f))
                .body("scored", equalTo(true));
        assertThat(fixtures.status(s.assignmentId())).isEqualTo("completed");
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
        assertThat(fixtures.string("select channel || ' ' || scorer_version || ' ' || total from response"
                + " where assignment_id = ?::uuid", s.assignmentId())).isEqualTo("api 1.0.0 34.5");
    }

    @Test
    void shouldRefuseASecondSubmissionAndKeepTheFirst() {
        FormFixtures.Created s = fixtures.session();
        String url = "/api/v1/forms/" + s.token() + "/responses";
        anonymous().body(srsAnswers("9", "9", "9", "9")).post(url).then().statusCode(201);
        anonymous().body(srsAnswers("9", "9", "9", "9")).post(url).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("token"));
        anonymous().body(srsAnswers("1", "1", "1", "1")).post(url).then().statusCode(409);
        assertThat(fixtures.string("select total from response where assignment_id = ?::uuid", s.assignmentId()))
                .isEqualTo("36");
    }

    @Test
    void shouldAnswer410ForAnExpiredLink() {
        FormFixtures.Created s = fixtures.session();
        fixtures.expire(s.assignmentId());
        anonymous().body(srsAnswers("9", "9", "9", "9")).post("/api/v1/forms/" + s.token() + "/responses")
                .then().statusCode(410).contentType("application/problem+json");
        assertThat(fixtures.responsesOf(s.assignmentId())).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownToken() {
        anonymous().header("X-Forwarded-For", "198.51.100.7").body(srsAnswers("9", "9", "9", "9"))
                .post("/api/v1/forms/not-a-real-token/responses")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldListEveryInvalidAnswerAsAnswersItemId() {
        FormFixtures.Created s = fixtures.session();
        anonymous().body("{\"answers\":{\"1\":11,\"2\":5.55,\"3\":\"x\"}}")
                .post("/api/v1/forms/" + s.token() + "/responses")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("answers.1", "answers.2", "answers.3", "answers.4"));
        assertThat(fixtures.status(s.assignmentId())).isEqualTo("open");
    }

    @Test
    void shouldAcceptExactlyOneOfConcurrentSubmissions() throws Exception {
        FormFixtures.Created s = fixtures.session();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return anonymous().body(srsAnswers("5", "5", "5", "5"))
                            .post("/api/v1/forms/" + s.token() + "/responses").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(201);
            assertThat(statuses.stream().filter(c -> c == 409)).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.responsesOf(s.assignmentId())).isEqualTo(1);
    }

    @Test
    void shouldFlagStraightLinedAndTooFastAnswersWithoutRejectingThem() {
        FormFixtures.Created s = fixtures.session();
        String token = fixtures.addAssignment(s.sessionId(), "wai-sr", "1.0.0");
        StringBuilder answers = new StringBuilder("{\"startedAt\":\"" + Instant.now().minusSeconds(3)
                + "\",\"answers\":{");
        for (int i = 1; i <= 12; i++) {
            answers.append(i == 1 ? "" : ",").append("\"").append(i).append("\":3");
        }
        answers.append("}}");
        anonymous().body(answers.toString()).post("/api/v1/forms/" + token + "/responses").then().statusCode(201);
        as(s.key()).get("/api/v1/pairs/" + s.pairId() + "/responses").then().statusCode(200)
                .body("items[0].qualityFlags", containsInAnyOrder("too-fast", "straight-lined"))
                .body("items[0].durationMs", greaterThanOrEqualTo(3000));
    }

    @Test
    void shouldListAPairsResponsesNewestFirstWithinItsOrganization() {
        FormFixtures.Created s = fixtures.session();
        FormFixtures.Created second = fixtures.session(s.key(), "c-1");
        anonymous().body(srsAnswers("1", "2", "3", "4")).post("/api/v1/forms/" + s.token() + "/responses")
                .then().statusCode(201);
        anonymous().body(srsAnswers("5", "6", "7", "8")).post("/api/v1/forms/" + second.token() + "/responses")
                .then().statusCode(201);
        as(s.key()).get("/api/v1/pairs/" + s.pairId() + "/responses?size=10").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].sessionId", equalTo(second.sessionId()))
                .body("items[0].answers.'1'", equalTo(5))
                .body("items[0].score.total", equalTo(26))
                .body("items[1].score.total", equalTo(10))
                .body("items.channel", hasItem("api"));
        as(Api.newOrganization()).get("/api/v1/pairs/" + s.pairId() + "/responses").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
