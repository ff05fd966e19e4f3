package io.rapport.alert;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.delivery.AssignmentExpiry;

/** Submissions and expiries raise alerts and outbox events in the same transaction as their cause. */
@QuarkusTest
class TrendAlertsTest {

    @Inject
    DataSource dataSource;

    @Inject
    AssignmentExpiry expiry;

    @Inject
    SessionFactory sessionFactory;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldReadTheRaisedAlertsOnlyWhenASubmissionHasSomethingToRaise() {
        ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.total(38), ScoredPairs.total(38));
        // Steady and above the cutoff (36): nothing to raise, so no read of what was raised before.
        assertThat(alertReadsOfOneSubmission(ScoredPairs.total(38))).isZero();
        // Under the cutoff: a below-cutoff event at the new session, checked against what was raised.
        assertThat(alertReadsOfOneSubmission(ScoredPairs.total(20))).isEqualTo(1);
        as(key).get("/api/v1/alerts").then().statusCode(200).body("items.type", hasItem("below-cutoff"));
    }

    /** The reads of the pair's raised alerts done by one submission (Hibernate's per-query statistics). */
    private long alertReadsOfOneSubmission(double[] answers) {
        String formUrl = as(key).body(session("c-1", "t-1")).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("assignments[0].formUrl");
        sessionFactory.getStatistics().clear();
        ScoredPairs.submit(formUrl, answers);
        return sessionFactory.getStatistics().getQueryStatistics(Alerts.RAISED_KEYS.replaceAll(":\\w+", "?"))
                .getExecutionCount();
    }

    @Test
    void shouldRaiseABelowCutoffAlertWhenAScoreFallsUnderTheCutoff() throws Exception {
        // SD 2 and reliability 0.75: SEM 1, so drops are judged against an error SD of 1.
        as(key).body("{\"citation\":\"Test (2026)\",\"scales\":{\"total\":{\"referenceSd\":2,"
                + "\"reliability\":0.75}}}").put("/api/v1/published-constants/session-rating-4/1.0.0").then()
                .statusCode(200);
        String pairId = ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9.5), ScoredPairs.same(9));
        // 38, 36, 36 (at the cutoff: no concern), then 30: under the cutoff; 6 down from 36, at least 3·√2·1 =
        // 4.24; and 6.67 under the earlier mean of 36.67, more than 3 × 1.155 (own SD > 1) × √(4/3) = 4.0.
        ScoredPairs.answered(key, "c-1", "t-1", ScoredPairs.same(9), ScoredPairs.same(7.5));
        as(key).queryParam("pairId", pairId).get("/api/v1/alerts").then().statusCode(200)
                .body("items.type", containsInAnyOrder("below-cutoff", "reliable-drop", "personal-drop"))
                .body("items.sessionNumber", contains(4, 4, 4));
        List<String> types = outboxTypes(pairId);
        assertThat(types.subList(0, 4)).containsOnly("response.completed");
        assertThat(types.subList(4, types.size())).containsExactlyInAnyOrder("alert.below-cutoff",
                "alert.reliable-drop", "alert.personal-drop");
    }

    @Test
    void shouldRaiseNoResponseWhenTwoLinksExpireUnanswered() throws Exception {
        String pairId = as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").path("pairId");
        as(key).body(session("c-2", "t-1")).post("/api/v1/sessions").then().statusCode(201);
        execute("update assignment set expires_at = now() - interval '1 minute' where session_id in"
                + " (select id from session where pair_id = '" + pairId + "')");
        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        as(key).get("/api/v1/pairs/" + pairId).then()
                .body("sessions.assignments.flatten().status", contains("expired", "expired"));
        as(key).queryParam("pairId", pairId).get("/api/v1/alerts").then()
                .body("items.type", hasItem("no-response"));
        assertThat(outboxTypes(pairId)).containsExactly("alert.no-response");
        // A second scan finds nothing new to raise.
        expiry.expireDue();
        assertThat(outboxTypes(pairId)).containsExactly("alert.no-response");
    }

    private List<String> outboxTypes(String pairId) throws Exception {
        List<String> types = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("select type from outbox where pair_id = cast(? as uuid) order by seq")) {
            st.setString(1, pairId);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
