package io.rapport.dashboard;

import static io.rapport.Api.as;
import static io.rapport.ScoredPairs.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.Web;

@QuarkusTest
class InsightPageTest {

    static final String PASSWORD = "insight password";
    static final String Q = "?questionnaire=session-rating-4";

    String adminKey;
    Web.Session admin;
    Web.Session therapist;

    /**
     * Therapist t-1: five clients, first → latest total 32 → 30, 34 → 34.8, 36 → 36, 38 → 37.2, 40 → 38; t-2: one
     * client, 38 → 30; t-3: four clients, one total of 36 each. The organization's latest totals average 350 / 10 =
     * 35.00; t-2's and t-3's cells are under the 5 clients minimum, and hold five together (so t-1 is shown).
     */
    @BeforeEach
    void organization() {
        adminKey = Api.newOrganization();
        double[][] t1 = { { 32, 30 }, { 34, 34.8 }, { 36, 36 }, { 38, 37.2 }, { 40, 38 } };
        for (int i = 0; i < t1.length; i++) {
            ScoredPairs.answered(adminKey, "c-" + i, "t-1", total(t1[i][0]), total(t1[i][1]));
        }
        ScoredPairs.answered(adminKey, "c-9", "t-2", total(38), total(30));
        for (int i = 0; i < 4; i++) {
            ScoredPairs.answered(adminKey, "c-3" + i, "t-3", total(36));
        }
        String t = Web.username("insight-t1");
        Web.account(adminKey, t, PASSWORD, "therapist", "t-1");
        therapist = Web.login(t, PASSWORD);
        String a = Web.username("insight-admin");
        Web.account(adminKey, a, PASSWORD, "admin", null);
        admin = Web.login(a, PASSWORD);
    }

    @Test
    void shouldShowAnAdminTheOrganizationTheTherapistsAndTheReliability() {
        String html = admin.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();

        assertThat(html).contains("Figures of the organization", "Monthly mean total", "Reliability per version and scale")
                .contains("<td>35.00 [").contains("data-chart=");
        // t-1 is compared and ranked; t-2's single client is a suppressed cell, neither ranked nor shown.
        assertThat(html).containsPattern("<td class=\"num\">1</td><th scope=\"row\"><a href=\"/app/insights/therapists/t-1");
        String t2 = Web.firstIn(html, Pattern.compile("t-2</a></th>(.*?)</tr>", Pattern.DOTALL), "t-2's row");
        assertThat(t2.replaceAll("<[^>]+>", " ").trim().split("\\s+")).containsExactly("—", "—", "—", "—", "—", "—",
                "suppressed", "(fewer", "clients", "than", "the", "minimum)");
    }

    @Test
    void shouldSayWhyATherapistBesideASmallCellIsWithheld() {
        String key = Api.newOrganization();
        for (int i = 0; i < 5; i++) {
            ScoredPairs.answered(key, "c-" + i, "t-1", total(28 + 2 * i));
        }
        ScoredPairs.answered(key, "c-9", "t-2", total(38));
        String a = Web.username("insight-admin");
        Web.account(key, a, PASSWORD, "admin", null);

        String html = Web.login(a, PASSWORD).spec().get("/app/insights" + Q).then().statusCode(200).extract()
                .asString();
        // The organization's six clients minus t-1's five would be t-2's one.
        String t1 = Web.firstIn(html, Pattern.compile("t-1</a></th>(.*?)</tr>", Pattern.DOTALL), "t-1's row");
        assertThat(t1).contains(InsightPages.WITHHELD_BESIDE).doesNotContain(">5<");
    }

    @Test
    void shouldShowThePagesOfAnInstrumentWithoutEnoughScoredPairs() {
        // t-1's clients answered session-rating-4 only: for wai-sr they have sessions and no scored pair.
        String html = therapist.spec().get("/app/insights?questionnaire=wai-sr").then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("Your figures").contains("alliance means are shown from 5 pairs");
        // The organization has no scored wai-sr pair either: no means, and the admin's page still answers.
        admin.spec().get("/app/insights?questionnaire=wai-sr").then().statusCode(200);
    }

    @Test
    void shouldShowTheCorrelationOfEmpathyWithLaterAllianceBesideTheFigures() {
        String before = admin.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();
        assertThat(before).contains("Empathy and later alliance", "No pair answered an empathy measure");
        // t-4's five pairs: empathy totals 5 to 25, then alliance 20, 16, 28, 24, 32 a week later; r 0.8 with
        // Fisher's interval [−0.279640, 0.986196] (InsightStatisticsTest).
        ScoredPairs.empathyAndAlliance(adminKey);
        double[] later = { 20, 16, 28, 24, 32 };
        for (int i = 0; i < later.length; i++) {
            ScoredPairs.empathyAndAllianceAt(adminKey, "e-" + i, "t-4", "2026-11-02T15:00:00Z", i + 1, null);
            ScoredPairs.empathyAndAllianceAt(adminKey, "e-" + i, "t-4", "2026-11-09T15:00:00Z", null, total(later[i]));
        }

        String html = admin.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();
        String table = Web.firstIn(html, Pattern.compile("<table class=\"data empathy\">(.*?)</table>", Pattern.DOTALL),
                "the empathy table");
        assertThat(table).contains("<th scope=\"row\">patient-empathy-5</th><td>r 0.80 [-0.28, 0.99], N 5</td>");
        assertThat(html).contains("Fisher's z");
        // t-1 has no pair with both; beside them the organization's (none of them t-1's) is shown.
        String mine = therapist.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();
        assertThat(mine).contains("<td>no pair with both</td><td>r 0.80 [-0.28, 0.99], N 5</td>");
        String csv = admin.spec().get("/app/insights/empathy-alliance.csv" + Q).then().statusCode(200).extract()
                .asString();
        assertThat(csv.lines().toList()).containsExactly(
                "\"cell\",\"empathy_questionnaire\",\"alliance_questionnaire\",\"suppressed\",\"n_pairs\",\"r\","
                        + "\"lower95\",\"upper95\"",
                "\"Organization\",\"patient-empathy-5\",\"session-rating-4\",\"false\",\"5\",\"0.8000\","
                        + "\"-0.2796\",\"0.9862\"");
        assertThat(therapist.spec().get("/app/insights/mine-empathy-alliance.csv" + Q).then().statusCode(200)
                .extract().asString().lines()).hasSize(2);
        therapist.spec().get("/app/insights/empathy-alliance.csv" + Q).then().statusCode(403);
        // An empathy measure's own page has no alliance to correlate it with.
        assertThat(admin.spec().get("/app/insights?questionnaire=patient-empathy-5").then().statusCode(200).extract()
                .asString()).contains("patient-empathy-5 is not one").doesNotContain("<table class=\"data empathy\">");
    }

    @Test
    void shouldShowATherapistOnlyTheirOwnFiguresAgainstTheOrganization() {
        String html = therapist.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();

        assertThat(html).contains("Your figures", "Figures side by side").doesNotContain("t-2")
                .doesNotContain("Reliability per version");
        therapist.spec().get("/app/insights/therapists/t-2" + Q).then().statusCode(403);
        therapist.spec().get("/app/insights/therapists.csv" + Q).then().statusCode(403);
        String mine = therapist.spec().get("/app/insights/mine.csv" + Q).then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        List<String> lines = mine.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\"cell\",\"suppressed\",\"clients\"");
        assertThat(lines.get(2)).startsWith("\"Organization\",\"false\",\"10\"");
        // The caseload leads there.
        assertThat(therapist.spec().get("/app").then().statusCode(200).extract().asString())
                .contains("<a href=\"/app/insights\">Your own figures</a>");
    }

    @Test
    void shouldShowEachProgramAgainstTheOrganizationAndSuppressASmallOne() {
        String untagged = admin.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();
        assertThat(untagged).contains("No therapist or pair carries a program tag yet")
                .doesNotContain("Figures per program tag");

        as(adminKey).body("{\"displayName\":\"One\",\"tags\":[\"cbt\"]}").put("/api/v1/therapists/t-1").then()
                .statusCode(200);
        as(adminKey).body("{\"displayName\":\"Two\",\"tags\":[\"dbt\"]}").put("/api/v1/therapists/t-2").then()
                .statusCode(200);
        as(adminKey).body("{\"displayName\":\"Three\",\"tags\":[\"act\"]}").put("/api/v1/therapists/t-3").then()
                .statusCode(200);
        String html = admin.spec().get("/app/insights" + Q).then().statusCode(200).extract().asString();

        String table = Web.firstIn(html, Pattern.compile("<table class=\"data programs\">(.*?)</table>", Pattern.DOTALL),
                "the programs table");
        assertThat(table).contains("<th scope=\"col\">Organization</th><th scope=\"col\">act</th>"
                + "<th scope=\"col\">cbt</th><th scope=\"col\">dbt</th>");
        // t-1's five latest totals average (30 + 34.8 + 36 + 37.2 + 38) / 5 = 35.2; act's four clients and dbt's one
        // are suppressed.
        assertThat(table).contains("<td>35.00 [", "<td>35.20 [").contains(InsightPages.SUPPRESSED);
        String csv = admin.spec().get("/app/insights/tags.csv" + Q).then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(l -> l.startsWith("\"dbt\",\"true\"")).toList()).hasSize(1);
        assertThat(csv.lines().filter(l -> l.startsWith("\"cbt\",\"false\",\"5\"")).toList()).hasSize(1);
        therapist.spec().get("/app/insights/tags.csv" + Q).then().statusCode(403);
    }

    @Test
    void shouldLeaveEveryFigureOfASmallCellEmptyInTheExport() {
        String csv = admin.spec().get("/app/insights/therapists.csv" + Q).then().statusCode(200).extract().asString();
        List<String> t2 = csv.lines().filter(l -> l.startsWith("\"t-2\"")).toList();

        assertThat(t2).hasSize(1);
        List<String> cells = Arrays.asList(t2.get(0).split(",", -1));
        int suppressed = InsightCsv.FIGURES.indexOf("suppressed") + 4;
        assertThat(cells.get(suppressed)).isEqualTo("\"true\"");
        assertThat(cells.subList(suppressed + 1, cells.size())).allMatch("\"\""::equals);
        String t1 = csv.lines().filter(l -> l.startsWith("\"t-1\"")).findFirst().orElseThrow();
        assertThat(t1).startsWith("\"t-1\",\"true\",\"1\"");
    }

    @Test
    void shouldNameTheFieldOfARefusedQuestion() {
        String unknown = admin.spec().get("/app/insights?questionnaire=nope").then().statusCode(404).extract()
                .asString();
        assertThat(unknown).contains("<strong>questionnaire</strong>");
        String inverted = admin.spec().get("/app/insights" + Q + "&from=2026-06-01&to=2026-05-01").then()
                .statusCode(400).extract().asString();
        assertThat(inverted).contains("<strong>to</strong>").contains("aria-invalid=\"true\"");
        admin.spec().get("/app/insights" + Q + "&from=2019-01-01&to=2026-05-01").then().statusCode(400);
        admin.spec().get("/app/insights/nothing.csv" + Q).then().statusCode(404);
        admin.spec().get("/app/insights/therapists/nobody" + Q).then().statusCode(404);
    }

    @Test
    void shouldShowAnAdminOneTherapistAgainstTheOrganization() {
        String html = admin.spec().get("/app/insights/therapists/t-1" + Q).then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("Figures side by side").contains("action=\"/app/insights/therapists/t-1\"");
        as(adminKey).get("/api/v1/insights/session-rating-4/therapists/t-1").then().statusCode(200);
    }
}
