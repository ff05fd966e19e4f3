package io.rapport.insight;

import static io.rapport.Api.as;
import static io.rapport.ScoredPairs.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.delivery.FormFixtures;
import io.rapport.trend.Reliability;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class InsightResourceTest {

    static final String ORG = "/api/v1/insights/session-rating-4/organization";
    /** SD 2 and reliability 0.75: SEM 1, so a drop of 3·√2 = 4.24 points is a rupture. */
    static final String SEM_ONE = "{\"citation\":\"Test source (2026). A made-up table for this test.\","
            + "\"scales\":{\"total\":{\"referenceSd\":2,\"reliability\":0.75}}}";

    @Inject
    DataSource dataSource;

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    /**
     * Therapist t-1: five clients, first → latest total 32 → 30, 34 → 34.8, 36 → 36, 38 → 37.2, 40 → 38 (no drop
     * reaches 4.24). Therapist t-2: one client, 38 → 30, a rupture.
     */
    void sixClients() {
        as(key).body(SEM_ONE).put("/api/v1/published-constants/session-rating-4/1.0.0").then().statusCode(200);
        double[][] t1 = { { 32, 30 }, { 34, 34.8 }, { 36, 36 }, { 38, 37.2 }, { 40, 38 } };
        for (int i = 0; i < t1.length; i++) {
            ScoredPairs.answered(key, "c-" + i, "t-1", total(t1[i][0]), total(t1[i][1]));
        }
        ScoredPairs.answered(key, "c-9", "t-2", total(38), total(30));
    }

    /**
     * Beside {@link #sixClients}, therapist t-3 with four clients of one session each (total 36): t-2 and t-3 are
     * small cells that hold five clients together, so no shown cell has to be withheld with them.
     */
    void tenClients() {
        sixClients();
        for (int i = 0; i < 4; i++) {
            ScoredPairs.answered(key, "c-3" + i, "t-3", total(36));
        }
    }

    @Test
    void shouldComputeTheOrganizationsFiguresInOnePeriod() {
        sixClients();

        // First totals 32, 34, 36, 38, 40, 38: mean 36.333; latest 30, 34.8, 36, 37.2, 38, 30: mean 34.333, below
        // the cutoff of 36: 30, 34.8, 30 (3 of 6).
        json().get(ORG).then().statusCode(200).body("questionnaireId", equalTo("session-rating-4"))
                .body("cutoff.value", equalTo(36.0)).body("cutoff.direction", equalTo("below"))
                .body("organization.suppressed", equalTo(false)).body("organization.clients", equalTo(6))
                .body("organization.sessions", equalTo(12)).body("organization.assignmentsSent", equalTo(12))
                .body("organization.completed", equalTo(12)).body("organization.responseRate", closeTo(1.0, 1e-9))
                .body("organization.pairs", equalTo(6)).body("organization.scoredSessions", equalTo(12))
                .body("organization.firstAlliance.mean", closeTo(36.3333, 1e-3))
                .body("organization.latestAlliance.mean", closeTo(34.3333, 1e-3))
                .body("organization.beyondCutoffShare", closeTo(0.5, 1e-9))
                .body("organization.ruptures", equalTo(1))
                .body("organization.rupturesPer100ScoredSessions", closeTo(100.0 / 12, 1e-6))
                .body("organization.repairedShare", nullValue())
                .body("monthly", hasSize(1)).body("monthly[0].responses", equalTo(12))
                .body("monthly[0].mean.mean", closeTo(35.3333, 1e-3));
    }

    @Test
    void shouldSuppressEveryFigureOfACellOfFewerThanFiveClients() {
        ScoredPairs.answered(key, "c-1", "t-1", total(30));
        ScoredPairs.answered(key, "c-2", "t-1", total(32));

        json().get(ORG).then().statusCode(200).body("organization.suppressed", equalTo(true))
                .body("organization.clients", nullValue()).body("organization.sessions", nullValue())
                .body("organization.latestAlliance", nullValue())
                .body("organization.notes", hasItem(containsString("fewer than 5 clients")))
                .body("monthly[0].suppressed", equalTo(true)).body("monthly[0].mean", nullValue());
    }

    @Test
    void shouldRankTherapistsWithEnoughPairsAndSuppressTheRest() {
        tenClients();

        // Latest totals of t-1: 30, 34.8, 36, 37.2, 38: mean 35.2, s² = 39.68 / 4 = 9.92, s = 3.149603, se 1.408545,
        // t(0.975, 4) = 2.776445. One therapist compared: nothing to shrink toward, the estimate is the mean.
        json().get("/api/v1/insights/session-rating-4/therapists").then().statusCode(200)
                .body("minPairs", equalTo(5)).body("therapists", hasSize(3))
                .body("therapists.figures.therapistId", contains("t-1", "t-2", "t-3"))
                .body("therapists[0].rank", equalTo(1)).body("therapists[0].compared", equalTo(true))
                .body("therapists[0].shrunkenLatest", closeTo(35.2, 1e-9))
                .body("therapists[0].figures.latestAlliance.lower95", closeTo(35.2 - 2.776445 * 1.408545, 1e-4))
                .body("therapists[0].figures.latestAlliance.upper95", closeTo(35.2 + 2.776445 * 1.408545, 1e-4))
                .body("therapists[1].compared", equalTo(false)).body("therapists[1].rank", nullValue())
                .body("therapists[1].figures.suppressed", equalTo(true))
                .body("therapists[1].figures.ruptures", nullValue())
                .body("therapists[2].figures.suppressed", equalTo(true))
                .body("organization.clients", equalTo(10));
    }

    @Test
    void shouldWithholdTheSmallestShownTherapistWhenTheSmallCellsHoldFewerThanFiveClients() {
        sixClients();

        // The organization (6 clients) minus t-1 (5) would be t-2's single client: t-1 is withheld too.
        json().get("/api/v1/insights/session-rating-4/therapists").then().statusCode(200)
                .body("organization.clients", equalTo(6)).body("organization.ruptures", equalTo(1))
                .body("therapists.figures.suppressed", contains(true, true))
                .body("therapists.compared", contains(false, false))
                .body("therapists.figures.find { it.therapistId == 't-1' }.clients", nullValue())
                .body("therapists.figures.find { it.therapistId == 't-1' }.notes",
                        contains(InsightService.COMPLEMENTARY));
        // Side by side with t-1's own figures the organization would show the same: it is withheld there.
        json().get("/api/v1/insights/session-rating-4/therapists/t-1").then().statusCode(200)
                .body("therapist.clients", equalTo(5)).body("organization.suppressed", equalTo(true))
                .body("organization.ruptures", nullValue());
    }

    @Test
    void shouldShowOneTherapistAgainstTheOrganization() {
        tenClients();

        json().get("/api/v1/insights/session-rating-4/therapists/t-1").then().statusCode(200)
                .body("therapist.therapistId", equalTo("t-1")).body("therapist.clients", equalTo(5))
                .body("therapist.latestAlliance.mean", closeTo(35.2, 1e-9)).body("therapist.ruptures", equalTo(0))
                .body("organization.clients", equalTo(10)).body("organization.ruptures", equalTo(1))
                .body("monthly", hasSize(1)).body("organizationMonthly", hasSize(1));
        as(key).get("/api/v1/insights/session-rating-4/therapists/t-2").then().statusCode(200)
                .body("therapist.suppressed", equalTo(true)).body("therapist.latestAlliance", nullValue());
        as(key).get("/api/v1/insights/session-rating-4/therapists/nobody").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseUnknownInstrumentsAndBadPeriodsNamingTheField() {
        as(key).get("/api/v1/insights/no-such-instrument/organization").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", contains("questionnaireId"));
        as(key).get(ORG + "?from=2026-13-01").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from"));
        as(key).get(ORG + "?to=yesterday").then().statusCode(400).body("errors.field", contains("to"));
        as(key).get(ORG + "?from=2026-06-01&to=2026-05-31").then().statusCode(400)
                .body("errors.field", contains("to"));
        as(key).get(ORG + "?from=2021-05-31&to=2026-05-31").then().statusCode(400)
                .body("errors.field", contains("from"));
        as(key).get(ORG + "?from=2021-06-01&to=2026-05-31").then().statusCode(200)
                .body("period.from", equalTo("2021-06-01"));
    }

    @Test
    void shouldGiveTheSameFiguresFromTheSummaryAsFromTheRows() {
        tenClients();
        // The sessions are on 2026-11-20 (Api.session). A period of whole months is read from the summary, one of
        // single days from the rows themselves.
        for (String path : List.of(ORG, "/api/v1/insights/session-rating-4/therapists/t-1")) {
            assertSameFigures(path, "?from=2026-11-01&to=2026-11-30", "?from=2026-11-20&to=2026-11-20");
        }
    }

    /**
     * Pairs seen in September, October and November; the period is October and November. c-5 sees two therapists
     * (one client, two pairs); c-2's October session is entered after its November one (a higher session number,
     * an earlier time: first and latest go by time); c-3 was seen in September only.
     */
    @Test
    void shouldGiveTheSameFiguresFromTheRollupsAsFromTheRowsAcrossMonths() {
        answeredOn("c-0", "t-1", "2026-09-15", 20);
        answeredOn("c-0", "t-1", "2026-10-10", 24);
        answeredOn("c-0", "t-1", "2026-11-20", 28);
        answeredOn("c-1", "t-1", "2026-10-10", 30);
        answeredOn("c-1", "t-1", "2026-11-05", 26);
        answeredOn("c-2", "t-1", "2026-11-20", 34);
        answeredOn("c-2", "t-1", "2026-10-10", 22);
        answeredOn("c-3", "t-1", "2026-09-15", 36);
        answeredOn("c-4", "t-1", "2026-10-10", 38);
        answeredOn("c-5", "t-1", "2026-11-05", 32);
        answeredOn("c-5", "t-2", "2026-10-10", 30);
        answeredOn("c-5", "t-2", "2026-11-20", 30);
        answeredOn("c-6", "t-2", "2026-11-05", 28);
        answeredOn("c-7", "t-2", "2026-10-10", 26);
        String months = "?from=2026-10-01&to=2026-11-30";

        // Seven clients in eight pairs; first totals 24, 30, 22, 38, 32, 30, 28, 26 (mean 28.75), latest 28, 26,
        // 34, 38, 32, 30, 28, 26 (mean 30.25), all but 38 below 36.
        json().get(ORG + months).then().statusCode(200).body("organization.clients", equalTo(7))
                .body("organization.sessions", equalTo(12)).body("organization.pairs", equalTo(8))
                .body("organization.scoredSessions", equalTo(12))
                .body("organization.firstAlliance.mean", closeTo(28.75, 1e-9))
                .body("organization.latestAlliance.mean", closeTo(30.25, 1e-9))
                .body("organization.beyondCutoffShare", closeTo(0.875, 1e-9))
                // September has two clients (suppressed); November five clients in six pairs.
                .body("monthly.month", contains("2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"))
                .body("monthly.suppressed", contains(true, false, false))
                .body("monthly[2].mean.n", equalTo(6)).body("monthly[2].mean.mean", closeTo(178.0 / 6, 1e-9));
        // t-1: first 24, 30, 22, 38, 32 (mean 29.2), latest 28, 26, 34, 38, 32 (mean 31.6).
        json().get("/api/v1/insights/session-rating-4/therapists/t-1" + months).then().statusCode(200)
                .body("therapist.clients", equalTo(5)).body("therapist.firstAlliance.mean", closeTo(29.2, 1e-9))
                .body("therapist.latestAlliance.mean", closeTo(31.6, 1e-9));
        // The same period, ending a day short of the month: read from the rows (no session is on 30 November).
        for (String path : List.of(ORG, "/api/v1/insights/session-rating-4/therapists/t-1")) {
            assertSameFigures(path, months, "?from=2026-10-01&to=2026-11-29");
        }
    }

    private void answeredOn(String clientId, String therapistId, String date, double sessionTotal) {
        ScoredPairs.answeredAt(key, clientId, therapistId, date + "T15:00:00Z", total(sessionTotal));
    }

    /** The figures of {@code path} over whole months (the summary) equal those over days (the rows). */
    private void assertSameFigures(String path, String months, String days) {
        JsonPath summary = json().get(path + months).then().statusCode(200).extract().jsonPath();
        JsonPath rows = json().get(path + days).then().statusCode(200).extract().jsonPath();
        String cell = path.equals(ORG) ? "organization" : "therapist";
        for (String figure : List.of("clients", "sessions", "assignmentsSent", "completed", "expired", "open",
                "responseRate", "pairs", "scoredSessions", "firstAlliance", "latestAlliance", "beyondCutoffShare",
                "ruptures", "repaired", "unrepaired", "openUnrepaired")) {
            assertThat(summary.getString(cell + "." + figure)).as(path + " " + figure)
                    .isEqualTo(rows.getString(cell + "." + figure));
        }
        assertThat(summary.getList("monthly")).hasSameSizeAs(rows.getList("monthly")).isNotEmpty();
        for (int i = 0; i < summary.getList("monthly").size(); i++) {
            for (String m : List.of("month", "suppressed", "responses", "mean.n")) {
                assertThat(summary.getString("monthly[" + i + "]." + m)).as(path + " monthly " + i + " " + m)
                        .isEqualTo(rows.getString("monthly[" + i + "]." + m));
            }
            for (String m : List.of("mean.mean", "mean.sd", "mean.lower95", "mean.upper95")) {
                if (rows.get("monthly[" + i + "]." + m) != null) {
                    assertThat(summary.getDouble("monthly[" + i + "]." + m)).as(path + " monthly " + i + " " + m)
                            .isCloseTo(rows.getDouble("monthly[" + i + "]." + m), within(1e-9));
                }
            }
        }
        assertThat(summary.getList(cell + ".notes", String.class)).anyMatch(n -> n.contains("time bins"));
    }

    @Test
    void shouldCountASubmissionMadeAfterAnEarlierRead() {
        sixClients();
        json().get(ORG).then().statusCode(200).body("organization.scoredSessions", equalTo(12));

        ScoredPairs.answered(key, "c-0", "t-1", total(36));

        // Read at once: the summary is brought up to date before the figures are read, not by the background job.
        json().get(ORG).then().statusCode(200).body("organization.scoredSessions", equalTo(13))
                .body("organization.sessions", equalTo(13));
    }

    @Test
    void shouldLeaveTheSessionsOutsideThePeriodOut() {
        sixClients();

        json().get(ORG + "?from=2026-11-21&to=2026-11-30").then().statusCode(200)
                .body("organization.sessions", equalTo(0)).body("organization.pairs", equalTo(0))
                .body("organization.latestAlliance", nullValue());
    }

    @Test
    void shouldComputeAlphaFromEachPairsFirstResponseAsFromRows() {
        double[][] first = { { 2, 2, 2, 3 }, { 3, 3, 3, 4 }, { 4, 4, 4, 4 }, { 3, 5, 3, 5 }, { 10, 10, 10, 10 } };
        for (int i = 0; i < first.length; i++) {
            // The second answers, all at the floor, are not in the sample: one response per pair.
            ScoredPairs.answered(key, "c-" + i, "t-1", first[i], ScoredPairs.same(0));
        }
        Reliability.Alpha expected = Reliability.cronbach(List.of(first));

        json().get("/api/v1/insights/session-rating-4/reliability").then().statusCode(200)
                .body("alphaFloor", equalTo(0.7)).body("versions.version", contains("1.0.0"))
                .body("versions[0].n", equalTo(5)).body("versions[0].suppressed", equalTo(false))
                .body("versions[0].scales.scale", contains("total"))
                .body("versions[0].scales[0].alpha", closeTo(expected.alpha(), 1e-9))
                .body("versions[0].scales[0].lower95", closeTo(expected.lower95(), 1e-9))
                .body("versions[0].scales[0].upper95", closeTo(expected.upper95(), 1e-9))
                .body("versions[0].scales[0].flagged", equalTo(expected.lower95() < 0.7))
                .body("versions[0].scales[0].itemRest.item", contains("1", "2", "3", "4"))
                .body("versions[0].scales[0].ceilingShare", closeTo(0.2, 1e-9))
                .body("versions[0].scales[0].floorShare", closeTo(0.0, 1e-9));
    }

    @Test
    void shouldSetTheCeilingShareWithTheCandourLineBesideTheShareWithout() {
        // Five pairs whose form showed the line, two of them at the ceiling; five whose form did not, four of them.
        FormFixtures fixtures = new FormFixtures(dataSource);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean ceiling = i < 2 || i >= 5 && i < 9;
            pairs.add(ScoredPairs.answered(key, "c-" + i, "t-1",
                    ceiling ? ScoredPairs.same(10) : new double[] { 6, 7, 8, 5 }));
            fixtures.update("update response set candour_shown = ? where pair_id = ?::uuid", i < 5, pairs.get(i));
        }
        String path = "/api/v1/insights/session-rating-4/reliability";

        json().get(path).then().statusCode(200).body("versions[0].scales[0].ceilingShare", closeTo(0.6, 1e-9))
                .body("versions[0].scales[0].ceilingByCandour.withLine", equalTo(5))
                .body("versions[0].scales[0].ceilingByCandour.shareWithLine", closeTo(0.4, 1e-9))
                .body("versions[0].scales[0].ceilingByCandour.withoutLine", equalTo(5))
                .body("versions[0].scales[0].ceilingByCandour.shareWithoutLine", closeTo(0.8, 1e-9));
        // One of them moved to "no line": four clients with the line are a small cell, their share withheld.
        fixtures.update("update response set candour_shown = false where pair_id = ?::uuid", pairs.get(0));
        json().get(path).then().statusCode(200)
                .body("versions[0].scales[0].ceilingByCandour.withLine", equalTo(4))
                .body("versions[0].scales[0].ceilingByCandour.shareWithLine", nullValue())
                .body("versions[0].scales[0].ceilingByCandour.shareWithoutLine", closeTo(5.0 / 6, 1e-9));
    }

    @Test
    void shouldSuppressReliabilityOfFewerThanFiveClientsAndRefuseUnknownVersions() {
        for (int i = 0; i < 4; i++) {
            ScoredPairs.answered(key, "c-" + i, "t-1", ScoredPairs.same(i + 1));
        }

        as(key).get("/api/v1/insights/session-rating-4/reliability").then().statusCode(200)
                .body("versions[0].suppressed", equalTo(true)).body("versions[0].n", nullValue())
                .body("versions[0].scales", hasSize(0));
        as(key).get("/api/v1/insights/session-rating-4/reliability?version=9.9.9").then().statusCode(404)
                .contentType("application/problem+json").body("errors.field", contains("version"));
    }

    /**
     * Therapist t-1, five pairs: first empathy totals 5, 10, 15, 20, 25 (items 1 to 5) and alliance at the next
     * session 20, 16, 28, 24, 32. Around them what the definition leaves out: an alliance answered at the empathy
     * session itself (total 0), a second empathy total at the next session (35) and a later alliance (40).
     * Therapist t-2, one pair: 30 and 12.
     */
    void empathyThenAlliance() {
        ScoredPairs.empathyAndAlliance(key);
        double[] later = { 20, 16, 28, 24, 32 };
        for (int i = 0; i < later.length; i++) {
            empathyPair("e-" + i, "t-1", i + 1, later[i]);
        }
        empathyPair("e-9", "t-2", 6, 12);
    }

    private void empathyPair(String clientId, String therapistId, int empathyItem, double laterAlliance) {
        ScoredPairs.empathyAndAllianceAt(key, clientId, therapistId, "2026-11-02T15:00:00Z", empathyItem, total(0));
        ScoredPairs.empathyAndAllianceAt(key, clientId, therapistId, "2026-11-09T15:00:00Z", 7, total(laterAlliance));
        ScoredPairs.empathyAndAllianceAt(key, clientId, therapistId, "2026-11-16T15:00:00Z", null, total(40));
    }

    @Test
    void shouldCorrelateEachPairsFirstEmpathyWithItsAllianceAtTheNextSession() {
        empathyThenAlliance();

        // Six pairs: Σx 105, Σy 132, Σx² 2275, Σy² 3184, Σxy 2320; S_xx = 437.5, S_yy = 280, S_xy = 10,
        // r = 10 / √122500 = 10 / 350 = 0.028571; atanh 0.028579 ± 1.959964 / √3 (1.131586): tanh(−1.103007) =
        // −0.801576, tanh(1.160165) = 0.821094.
        json().get(ORG).then().statusCode(200).body("empathyAlliance", hasSize(1))
                .body("empathyAlliance[0].empathyQuestionnaireId", equalTo("patient-empathy-5"))
                .body("empathyAlliance[0].allianceQuestionnaireId", equalTo("session-rating-4"))
                .body("empathyAlliance[0].suppressed", equalTo(false)).body("empathyAlliance[0].n", equalTo(6))
                .body("empathyAlliance[0].r", closeTo(0.028571, 1e-6))
                .body("empathyAlliance[0].lower95", closeTo(-0.801576, 1e-6))
                .body("empathyAlliance[0].upper95", closeTo(0.821094, 1e-6));
        // t-1 alone: x 5..25 against 20, 16, 28, 24, 32 is r 0.8 of InsightStatisticsTest, with [−0.279640,
        // 0.986196]. Beside it the organization would give away t-2's single pair: withheld.
        json().get("/api/v1/insights/session-rating-4/therapists/t-1").then().statusCode(200)
                .body("empathyAlliance[0].n", equalTo(5)).body("empathyAlliance[0].r", closeTo(0.8, 1e-9))
                .body("empathyAlliance[0].lower95", closeTo(-0.279640, 1e-6))
                .body("empathyAlliance[0].upper95", closeTo(0.986196, 1e-6))
                .body("organizationEmpathyAlliance[0].suppressed", equalTo(true))
                .body("organizationEmpathyAlliance[0].r", nullValue())
                .body("organizationEmpathyAlliance[0].n", nullValue());
        // t-2's one client is a small cell; the organization beside it gives nothing of theirs away.
        json().get("/api/v1/insights/session-rating-4/therapists/t-2").then().statusCode(200)
                .body("empathyAlliance[0].suppressed", equalTo(true)).body("empathyAlliance[0].n", nullValue())
                .body("empathyAlliance[0].r", nullValue())
                .body("empathyAlliance[0].notes", hasItem(containsString("fewer than 5 clients")))
                .body("organizationEmpathyAlliance[0].n", equalTo(6));
    }

    @Test
    void shouldWithholdTheCorrelationOfFewerThanFiveClientsAndKeepItToAllianceMeasures() {
        ScoredPairs.empathyAndAlliance(key);
        for (int i = 0; i < 4; i++) {
            empathyPair("e-" + i, "t-1", i + 1, 20 + 4 * i);
        }

        json().get(ORG).then().statusCode(200).body("empathyAlliance[0].suppressed", equalTo(true))
                .body("empathyAlliance[0].n", nullValue()).body("empathyAlliance[0].r", nullValue())
                .body("empathyAlliance[0].lower95", nullValue());
        // An empathy measure is not an alliance measure: nothing to correlate it with.
        json().get("/api/v1/insights/patient-empathy-5/organization").then().statusCode(200)
                .body("empathyAlliance", hasSize(0));
    }

    @Test
    void shouldLeaveOutPairsWithoutALaterAllianceSession() {
        ScoredPairs.empathyAndAlliance(key);
        // Five pairs answer both at one session only: no later alliance, no pair in the correlation.
        for (int i = 0; i < 5; i++) {
            ScoredPairs.empathyAndAllianceAt(key, "e-" + i, "t-1", "2026-11-02T15:00:00Z", i + 1, total(20 + 4 * i));
        }

        json().get(ORG).then().statusCode(200).body("organization.pairs", equalTo(5))
                .body("empathyAlliance", hasSize(0));
    }

    @Test
    void shouldPutEveryInsightReadOnTheAuditTrail() {
        as(key).get(ORG).then().statusCode(200);

        as(key).get("/api/v1/audit?objectType=insight").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].objectId", equalTo("session-rating-4"))
                .body("items[0].route", equalTo("GET /api/v1/insights/{questionnaireId}/organization"));
    }

    private RequestSpecification json() {
        return as(key).config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void shouldGroupFiguresByTheProgramTagsOfPairsAndTherapists() {
        as(key).body(SEM_ONE).put("/api/v1/published-constants/session-rating-4/1.0.0").then().statusCode(200);
        double[][] t1 = { { 32, 30 }, { 34, 34.8 }, { 36, 36 }, { 38, 37.2 }, { 40, 38 } };
        for (int i = 0; i < t1.length; i++) {
            ScoredPairs.answered(key, "c-" + i, "t-1", total(t1[i][0]), total(t1[i][1]));
        }
        String solo = ScoredPairs.answered(key, "c-9", "t-2", total(38), total(30));
        // Four clients of t-3 in "four": with "solo" the small programs hold five clients, so none shown is withheld.
        for (int i = 0; i < 4; i++) {
            ScoredPairs.answered(key, "c-3" + i, "t-3", total(36));
        }
        as(key).body("{\"tags\":[\"four\"]}").put("/api/v1/therapists/t-3").then().statusCode(200);
        // t-1's five pairs are in "couples" through their therapist; c-9's pair through its own tags.
        as(key).body("{\"displayName\":\"One\",\"tags\":[\"couples\"]}").put("/api/v1/therapists/t-1").then()
                .statusCode(200).body("tags", contains("couples"));
        as(key).body("{\"tags\":[\"solo\",\"couples\",\"solo\"]}").put("/api/v1/pairs/" + solo + "/tags").then()
                .statusCode(200).body("tags", contains("couples", "solo"));
        // A PUT without tags leaves them.
        as(key).body("{\"displayName\":\"One again\"}").put("/api/v1/therapists/t-1").then().statusCode(200)
                .body("tags", contains("couples"));

        json().get("/api/v1/insights/session-rating-4/tags").then().statusCode(200)
                .body("tags.tag", contains("couples", "four", "solo"))
                .body("tags[0].figures.clients", equalTo(6))
                .body("tags[0].figures.latestAlliance.mean", closeTo(34.3333, 1e-3))
                .body("tags[0].figures.ruptures", equalTo(1))
                // Four clients and one: small cells, every figure withheld.
                .body("tags[1].figures.suppressed", equalTo(true)).body("tags[2].figures.suppressed", equalTo(true))
                .body("tags[2].figures.clients", nullValue());
        as(key).get("/api/v1/insights/session-rating-4/tags/solo").then().statusCode(200)
                .body("tags", hasSize(1)).body("tags[0].figures.latestAlliance", nullValue());
        as(key).get("/api/v1/insights/session-rating-4/tags/nobody").then().statusCode(404)
                .body("errors[0].field", equalTo("tag"));
    }

    @Test
    void shouldRefuseATagThatIsNoLabel() {
        String pair = ScoredPairs.answered(key, "c-1", "t-1", total(30));
        as(key).body("{\"tags\":[\"ok\",\"not ok\"]}").put("/api/v1/pairs/" + pair + "/tags").then()
                .statusCode(422).body("errors.field", hasItem(containsString("tags")));
        as(key).body("{\"tags\":[\"x/y\"]}").put("/api/v1/therapists/t-1").then().statusCode(422)
                .body("errors.field", hasItem(containsString("tags")));
        as(key).get("/api/v1/pairs/" + pair).then().statusCode(200).body("tags", hasSize(0));
    }
}
