package io.rapport.questionnaire;

import static io.rapport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;

@QuarkusTest
class QuestionnaireResourceTest {

    /** Items 1..12 answered (i mod 5) + 1: total 35, task 9, goal 13, bond 13. */
    private static final String WAI_SR_ANSWERS = """
            {"answers": {"1": 2, "2": 3, "3": 4, "4": 5, "5": 1, "6": 2, "7": 3, "8": 4, "9": 5, "10": 1,
             "11": 2, "12": 3}}""";

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldListEveryInstrumentVersionWithLicenceStatus() throws IOException {
        long files;
        try (Stream<Path> list = Files.list(Path.of("questionnaires"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        as(key).get("/api/v1/questionnaires").then().statusCode(200)
                .body("size()", equalTo((int) files))
                .body("find { it.id == 'wai-sr' }.version", equalTo("1.0.0"))
                .body("find { it.id == 'wai-sr' }.itemCount", equalTo(12))
                .body("find { it.id == 'wai-sr' }.construct", equalTo("alliance"))
                .body("find { it.id == 'wai-sr' }.languages", equalTo(List.of("en")))
                .body("find { it.id == 'wai-sr' }.released", equalTo(true))
                .body("find { it.id == 'wai-sr' }.citation", startsWith("Hatcher"))
                .body("find { it.id == 'sai' }.released", equalTo(false))
                .body("licence.textSource", everyItem(equalTo("placeholder")))
                .body("licence.contentPackLanguages", everyItem(hasSize(0)));
    }

    @Test
    void shouldServeTheDefinitionInTheRequestedLanguage() {
        as(key).header("Accept-Language", "en").get("/api/v1/questionnaires/wai-sr").then().statusCode(200)
                .header("Content-Language", "en")
                .body("id", equalTo("wai-sr"))
                .body("version", equalTo("1.0.0"))
                .body("released", equalTo(true))
                .body("language", equalTo("en"))
                .body("textSource", equalTo("placeholder"))
                .body("items", hasSize(12))
                .body("items[0].id", equalTo("1"))
                .body("items[0].text", startsWith("[Placeholder"))
                .body("items[0].type", equalTo("likert"))
                .body("items[0].min", equalTo(1))
                .body("items[0].max", equalTo(5))
                .body("items[0].step", equalTo(1))
                .body("items[0].reverse", equalTo(false))
                .body("items[0].allowNotApplicable", equalTo(false))
                .body("items[0].anchors.collect { it.key }", equalTo(List.of("1", "5")))
                .body("subscales.task", equalTo(List.of("1", "2", "10", "12")))
                .body("scoring.method", equalTo("sum"))
                .body("scoring.maxMissing", equalTo(0))
                .body("interpretation", hasSize(0));
    }

    @Test
    void shouldFallBackToTheDefaultLanguageForAnUnsupportedOne() {
        as(key).header("Accept-Language", "tlh, de;q=0.8").get("/api/v1/questionnaires/session-rating-4").then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("language", equalTo("en"))
                .body("textSource", equalTo("placeholder"))
                .body("interpretation[0].value", equalTo(36));
    }

    @Test
    void shouldServeTheLatestVersionOfAnUnreleasedInstrumentMarkedUnreleased() {
        as(key).get("/api/v1/questionnaires/sai").then().statusCode(200)
                .body("version", equalTo("0.1.0"))
                .body("released", equalTo(false));
    }

    @Test
    void shouldAnswer404ForUnknownIdOrVersion() {
        as(key).get("/api/v1/questionnaires/no-such").then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        as(key).queryParam("version", "9.9.9").get("/api/v1/questionnaires/wai-sr").then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        as(key).body(WAI_SR_ANSWERS).post("/api/v1/questionnaires/no-such/score").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldScoreValidWaiSrWithoutStoringIt() {
        as(key).body(WAI_SR_ANSWERS).queryParam("version", "1.0.0").post("/api/v1/questionnaires/wai-sr/score")
                .then().statusCode(200)
                .body("questionnaireId", equalTo("wai-sr"))
                .body("version", equalTo("1.0.0"))
                .body("scored", equalTo(true))
                .body("total", equalTo(35))
                .body("method", equalTo("sum"))
                .body("subscales.task", equalTo(9))
                .body("subscales.goal", equalTo(13))
                .body("subscales.bond", equalTo(13))
                .body("imputedItems", hasSize(0));
    }

    @Test
    void shouldNotScoreCareWithThreeNotApplicableItems() {
        String body = """
                {"answers": {"1": "na", "2": "na", "3": "na", "4": 4, "5": 4, "6": 4, "7": 4, "8": 4, "9": 4,
                 "10": 4}}""";
        as(key).body(body).post("/api/v1/questionnaires/care/score").then().statusCode(200)
                .body("scored", equalTo(false))
                .body("total", nullValue())
                .body("flags", equalTo(List.of("too-many-missing")));
    }

    @Test
    void shouldListEveryInvalidAnswer() {
        String body = """
                {"answers": {"1": 6, "2": "na", "3": 2.5, "4": 5, "5": 1, "6": 2, "7": 3, "8": 4, "9": 5,
                 "10": 1, "11": 2, "12": 3, "13": 1}}""";
        as(key).body(body).post("/api/v1/questionnaires/wai-sr/score").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body("errors.field", containsInAnyOrder("answers.1", "answers.2", "answers.3", "answers.13"))
                .body("errors.find { it.field == 'answers.1' }.message", equalTo("6 is outside 1..5"));
    }

    @Test
    void shouldRefuseUnknownTopLevelFields() {
        as(key).body("{\"answers\": {}, \"clientId\": \"c-1\"}").post("/api/v1/questionnaires/wai-sr/score")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void shouldRequireAnswers() {
        as(key).body("{}").post("/api/v1/questionnaires/wai-sr/score").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("answers"));
    }

    @Test
    void shouldRequireAnApiKey() {
        given().get("/api/v1/questionnaires").then().statusCode(401).contentType("application/problem+json");
    }
}
