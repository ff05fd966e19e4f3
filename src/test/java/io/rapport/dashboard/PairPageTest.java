package io.rapport.dashboard;

import static io.rapport.Api.as;
import static io.rapport.Api.session;
import static io.rapport.ScoredPairs.answered;
import static io.rapport.ScoredPairs.total;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.ScoredPairs;
import io.rapport.Web;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;

@QuarkusTest
class PairPageTest {

    static final String PASSWORD = "therapist password";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private static final Pattern TOTAL_CELLS = Pattern.compile("<td class=\"num total\">([^<]+)</td>");

    String adminKey;
    String pairId;
    String theirs;
    Web.Session therapist;

    /** T-1 treats c-1 (totals 38, 30, 37.2 and an open session); T-2 treats c-3. */
    @BeforeEach
    void organization() {
        adminKey = Api.newOrganization();
        as(adminKey).body("{\"displayName\":\"Ada Lovelace\"}").put("/api/v1/clients/c-1").then().statusCode(201);
        pairId = answered(adminKey, "c-1", "T-1", total(38), total(30), new double[] { 9.3, 9.3, 9.3, 9.3 },
                new double[] { 2, 9, 9, 9 }, null);
        theirs = answered(adminKey, "c-3", "T-2", total(36));
        String t = Web.username("t1");
        Web.account(adminKey, t, PASSWORD, "therapist", "T-1");
        therapist = Web.login(t, PASSWORD);
    }

    @Test
    void shouldExportScoresAsCsvSafeAgainstFormulaInjection() {
        as(adminKey).body("{\"displayName\":" + json(FORMULA) + "}").put("/api/v1/clients/c-1").then()
                .statusCode(200);
        String csv = therapist.spec().get("/app/pairs/" + pairId + "/scores.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"rapport-scores-c-1.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "\"session_number\",\"date\",\"client\",\"questionnaire\",\"version\",\"total\",\"subscales\",\"flags\"");
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines[1]).isEqualTo("\"1\",\"2026-11-20\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","
                + "\"session-rating-4\",\"1.0.0\",\"38\",\"\",\"\"");
        assertThat(lines[2]).contains("\"30\"", "below-cutoff");
        assertThat(lines[3]).contains("\"37.2\"");
    }

    @Test
    void shouldShowAPrintableReportWithTheDataTablesOpen() {
        String html = therapist.spec().get("/app/pairs/" + pairId + "/report").then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .extract().asString();
        assertThat(html).contains("Alliance report: Ada Lovelace", "<details class=\"chart-table\" open>",
                "/js/pair-charts.js");
        assertThat(totals(html)).containsExactly("38", "30", "37.2", "29");
        given().get("/css/rapport.css").then().statusCode(200).body(containsString("@media print"));
    }

    @Test
    void shouldAnswer404ForAnotherTherapistsPairOnEveryPairRoute() {
        for (String route : List.of("", "/scores.csv", "/report")) {
            therapist.spec().get("/app/pairs/" + theirs + route).then().statusCode(404)
                    .body(not(containsString("c-3")));
        }
        String otherKey = Api.newOrganization();
        String foreign = answered(otherKey, "c-1", "T-1", total(20));
        therapist.spec().get("/app/pairs/" + foreign + "/scores.csv").then().statusCode(404);
    }

    @Test
    void shouldShowTheSameTotalsInTheChartTableAsTheTrendApi() {
        String html = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract().asString();
        List<Float> api = as(adminKey).config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.FLOAT_AND_DOUBLE)))
                .get("/api/v1/pairs/" + pairId + "/trends").then().statusCode(200)
                .extract().path("[0].points.total");
        List<Float> table = totals(html).stream().map(Float::parseFloat).toList();
        assertThat(table).containsExactlyElementsOf(api);
        assertThat(html).contains("class=\"trend-chart\" data-chart=\"{&quot;id&quot;:&quot;session-rating-4&quot;",
                "below-cutoff");
    }

    @Test
    void shouldShowEmpathyAndAllianceTogetherOnlyWhenThePairHasScoresOfBoth() {
        String allianceOnly = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract()
                .asString();
        assertThat(allianceOnly).doesNotContain("Empathy and alliance");

        ScoredPairs.empathyAndAlliance(adminKey);
        // Session 1 both (empathy items 4: total 20), session 2 alliance only, session 3 empathy only (items 6).
        String both = ScoredPairs.empathyAndAllianceAt(adminKey, "c-5", "T-1", "2026-11-02T15:00:00Z", 4, total(30));
        ScoredPairs.empathyAndAllianceAt(adminKey, "c-5", "T-1", "2026-11-09T15:00:00Z", null, total(34));
        ScoredPairs.empathyAndAllianceAt(adminKey, "c-5", "T-1", "2026-11-16T15:00:00Z", 6, null);
        // Empathy alone is not the pair: c-6 has no alliance score.
        String empathyOnly = ScoredPairs.empathyAndAllianceAt(adminKey, "c-6", "T-1", "2026-11-02T15:00:00Z", 5,
                null);

        String html = therapist.spec().get("/app/pairs/" + both).then().statusCode(200).extract().asString();
        String table = Web.firstIn(html, Pattern.compile("<table class=\"data empathy-alliance\">(.*?)</table>",
                Pattern.DOTALL), "the empathy and alliance table");
        assertThat(table).contains("Empathy: Five-item patient-perceived clinician empathy (JSPPPE format)",
                "Alliance: Four-item session rating (SRS format)");
        assertThat(rows(table)).containsExactly("1 | 20 | 30", "2 | not answered | 34", "3 | 30 | not answered");
        assertThat(therapist.spec().get("/app/pairs/" + empathyOnly).then().statusCode(200).extract().asString())
                .doesNotContain("Empathy and alliance");
    }

    /** Each body row as "session | empathy | alliance", the date left out. */
    private static List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr><th scope=\"row\" class=\"num\">(\\d+)</th><td>.*?</td>\\s*"
                + "<td class=\"num\">([^<]+)</td><td class=\"num\">([^<]+)</td></tr>", Pattern.DOTALL).matcher(table);
        while (m.find()) {
            rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
        }
        return rows;
    }

    @Test
    void shouldMarkLowItemsOfTheLatestAnswers() {
        String html = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract().asString();
        String latest = html.substring(html.indexOf("<table class=\"items\">"));
        latest = latest.substring(0, latest.indexOf("</table>"));
        assertThat(latest).contains("session-rating-4 1.0.0, session 4");
        assertThat(latest.split("<tr class=\"low\">", -1)).hasSize(2);
        assertThat(latest).contains("<tr class=\"low\"><th scope=\"row\">1</th>");
    }

    @Test
    void shouldIssueALinkAndQrCodeForTheRoomOnlyWithTheCsrfToken() {
        String html = therapist.spec().get("/app/pairs/" + pairId).then().statusCode(200).extract().asString();
        Matcher action = Pattern.compile("action=\"(/app/pairs/[^\"]+/link)\"").matcher(html);
        assertThat(action.find()).isTrue();
        therapist.form("wrong")
                .post(action.group(1)).then().statusCode(403);
        therapist.form(therapist.csrf())
                .post(action.group(1)).then().statusCode(200)
                .body(containsString("src=\"data:image/png;base64,"), containsString("/f/"));
        String theirAssignment = as(adminKey).body(session("c-3", "T-2")).post("/api/v1/sessions").then()
                .extract().path("assignments[0].id");
        therapist.form(therapist.csrf())
                .post("/app/pairs/" + theirs + "/assignments/" + theirAssignment + "/link").then().statusCode(404);
    }

    private static List<String> totals(String html) {
        List<String> result = new ArrayList<>();
        Matcher m = TOTAL_CELLS.matcher(html);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
