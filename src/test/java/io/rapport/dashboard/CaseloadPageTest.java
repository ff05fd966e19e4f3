package io.rapport.dashboard;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static io.rapport.ScoredPairs.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.Web;

@QuarkusTest
class CaseloadPageTest {

    static final String PASSWORD = "therapist password";
    private static final Pattern CLIENT_CELLS = Pattern.compile("<th scope=\"row\"><a href=\"/app/pairs/[^\"]+\">([^<]+)</a>");

    @Inject
    SessionFactory sessionFactory;

    String adminKey;
    Web.Session therapist;
    Web.Session admin;

    /** T-1 treats Ada (3 sessions) and c-2 (1 session); T-2 treats Bo (2 sessions). */
    @BeforeEach
    void organization() {
        adminKey = Api.newOrganization();
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        as(adminKey).body("{\"displayName\":\"Bo Diddley\"}").put("/api/v1/clients/c-3").then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            as(adminKey).body(session("c-1", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        }
        as(adminKey).body(session("c-2", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        as(adminKey).body(session("c-3", "T-2")).post("/api/v1/sessions").then().statusCode(201);
        as(adminKey).body(session("c-3", "T-2")).post("/api/v1/sessions").then().statusCode(201);
        String t = Web.username("t1");
        String a = Web.username("admin");
        Web.account(adminKey, t, PASSWORD, "therapist", "T-1");
        Web.account(adminKey, a, PASSWORD, "admin", null);
        therapist = Web.login(t, PASSWORD);
        admin = Web.login(a, PASSWORD);
    }

    @Test
    void shouldShowATherapistOnlyTheirOwnPairs() {
        String html = therapist.spec().get("/app").then().statusCode(200).extract().asString();
        assertThat(clients(html)).containsExactly("Ada Lovelace", "c-2");
        assertThat(html).contains("<td class=\"num\">3</td>").doesNotContain("Bo Diddley");
    }

    @Test
    void shouldShowAnAdminTheWholeOrganizationWithTherapists() {
        String html = admin.spec().get("/app").then().statusCode(200).extract().asString();
        assertThat(clients(html)).containsExactly("Ada Lovelace", "Bo Diddley", "c-2");
        assertThat(html).contains(">Therapist</th>", "<td>T-2</td>");
    }

    @Test
    void shouldLeaveOutPairsOfInactiveTherapists() {
        as(adminKey).body("{\"active\":false}").put("/api/v1/therapists/T-2").then().statusCode(200);
        assertThat(clients(admin.spec().get("/app").asString())).containsExactly("Ada Lovelace", "c-2");
    }

    @Test
    void shouldFilterByNameOrCode() {
        assertThat(clients(admin.spec().queryParam("q", "LOVE").get("/app").asString())).containsExactly("Ada Lovelace");
        assertThat(clients(admin.spec().queryParam("q", "c-3").get("/app").asString())).containsExactly("Bo Diddley");
        assertThat(clients(admin.spec().queryParam("q", "%").get("/app").asString())).isEmpty();
    }

    @Test
    void shouldSortBySessionsAndPageOnTheServer() {
        assertThat(clients(admin.spec().queryParam("sort", "sessions").queryParam("dir", "desc").get("/app")
                .asString())).containsExactly("Ada Lovelace", "Bo Diddley", "c-2");
        String second = admin.spec().queryParam("sort", "sessions").queryParam("size", "2").queryParam("page", "1")
                .get("/app").then().statusCode(200).extract().asString();
        assertThat(clients(second)).containsExactly("Ada Lovelace");
        assertThat(second).contains("Page 2 of 2", "rel=\"prev\"");
    }

    @Test
    void shouldFallBackToDefaultsForMalformedParameters() {
        assertThat(clients(admin.spec().queryParam("sort", "drop table").queryParam("page", "-4")
                .queryParam("size", "x").get("/app").then().statusCode(200).extract().asString()))
                .containsExactly("Ada Lovelace", "Bo Diddley", "c-2");
    }

    @Test
    void shouldLoadTheCaseloadInAFixedNumberOfStatementsWhateverItsSize() {
        long small = statementsFor(admin);
        for (int i = 0; i < 30; i++) {
            if (i < 10) {
                // Scores, sparkline points and open alerts on a third of the rows.
                ScoredPairs.answered(adminKey, "bulk-" + i, "T-1", total(38), total(36.8), total(30 - 2 * i));
            } else {
                as(adminKey).body(session("bulk-" + i, "T-1")).post("/api/v1/sessions").then().statusCode(201);
            }
        }
        long large = statementsFor(admin);
        assertThat(admin.spec().queryParam("size", "100").get("/app").asString())
                .contains("class=\"sparkline\"", "badge-below-cutoff");
        // The session and its account (two rooms, two statements), count, rows, and the navigation's count of open
        // alerts; zero would mean statistics are off and nothing was measured.
        assertThat(small).isBetween(1L, 5L);
        assertThat(large).isEqualTo(small);
    }

    @Test
    void shouldShowTheLatestAllianceScoreSparklineTrendArrowAndOpenAlertBadges() {
        String falling = ScoredPairs.answered(adminKey, "c-9", "T-1", total(39.2), total(37.2), total(34), total(31.2));
        String html = therapist.spec().get("/app").then().statusCode(200).extract().asString();
        String row = html.substring(html.indexOf("/app/pairs/" + falling));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("<span class=\"latest concern\">31.2</span>", "session-rating-4",
                "aria-label=\"session-rating-4 totals, sessions 1 to 4: 39.2, 37.2, 34, 31.2; cutoff 36\"",
                "<title>session-rating-4 totals", "arrow-down", "Trend: falling",
                "class=\"badge badge-below-cutoff\"", "href=\"/app/alerts?pair=" + falling + "\">Below cutoff</a>");
        String ada = html.substring(html.indexOf(">Ada Lovelace<"));
        assertThat(ada.substring(0, ada.indexOf("</tr>"))).contains("No scores yet", "None");

        assertThat(clients(therapist.spec().queryParam("sort", "score").get("/app").asString()).get(0))
                .isEqualTo("c-9");
        assertThat(clients(therapist.spec().queryParam("sort", "alerts").queryParam("dir", "desc").get("/app")
                .asString()).get(0)).isEqualTo("c-9");
    }

    @Test
    void shouldAnswer404ForAnotherTherapistsPair() {
        String theirs = pairId("c-3");
        therapist.spec().get("/app/pairs/" + theirs).then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Not found"), not(containsString("Bo Diddley")));
        admin.spec().get("/app/pairs/" + theirs).then().statusCode(200).body(containsString("Bo Diddley"));
    }

    @Test
    void shouldAnswer404ForAnotherOrganizationsPairAndMalformedIds() {
        String otherKey = Api.newOrganization();
        as(otherKey).body(session("c-1", "T-1")).post("/api/v1/sessions").then().statusCode(201);
        String foreign = as(otherKey).get("/api/v1/pairs").then().extract().path("items[0].id");
        admin.spec().get("/app/pairs/" + foreign).then().statusCode(404);
        admin.spec().get("/app/pairs/nope").then().statusCode(404);
    }

    @Test
    void shouldShowThePairsSessionsWithTheirQuestionnaires() {
        String html = therapist.spec().get("/app/pairs/" + pairId("c-1")).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .extract().asString();
        assertThat(html).contains("Ada Lovelace", "<th scope=\"row\" class=\"num\">3</th>",
                "<th scope=\"row\" class=\"num\">1</th>", "status-open");
    }

    /**
     * The fewest statements of three loads of the page. Hibernate's statistics count every thread, so a scheduled
     * job (a purge, the webhook relay) can add one to a single load; a page that really needs more needs it every
     * time.
     */
    private long statementsFor(Web.Session session) {
        Statistics statistics = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            session.spec().get("/app").then().statusCode(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    private String pairId(String clientId) {
        return as(adminKey).queryParam("clientId", clientId).get("/api/v1/pairs").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static List<String> clients(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = CLIENT_CELLS.matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
