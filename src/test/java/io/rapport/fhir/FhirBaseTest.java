package io.rapport.fhir;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.restassured.response.Response;

/** The base of the facade: the CapabilityStatement, content negotiation, and errors as OperationOutcomes. */
@QuarkusTest
class FhirBaseTest {

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldDescribeTheServerInACapabilityStatementWithoutCredentials() {
        Response r = given().get("/fhir/metadata");
        r.then().statusCode(200);
        CapabilityStatement statement = FhirApi.read(r, CapabilityStatement.class);

        assertThat(statement.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
        assertThat(statement.getFormat()).extracting(f -> f.getValue()).contains(Fhir.JSON);
        CapabilityStatementRestResourceComponent questionnaire = statement.getRestFirstRep().getResource().stream()
                .filter(res -> res.getType().equals("Questionnaire")).findFirst().orElseThrow();
        assertThat(questionnaire.getSearchParam()).extracting(p -> p.getName())
                .containsExactlyInAnyOrder("url", "version", "name", "status");
        assertThat(statement.getRestFirstRep().getSecurity().getDescription()).contains("Bearer");
    }

    @Test
    void shouldAcceptFormatJsonAndRefuseXml() {
        given().queryParam("_format", "json").accept("text/html").get("/fhir/metadata").then().statusCode(200)
                .contentType(Fhir.JSON);
        given().queryParam("_format", "application/fhir+json").get("/fhir/metadata").then().statusCode(200);
        assertThat(outcome(given().queryParam("_format", "xml").get("/fhir/metadata"), 406).getIssueFirstRep()
                .getCode()).isEqualTo(IssueType.NOTSUPPORTED);
        outcome(given().accept("application/fhir+xml").get("/fhir/metadata"), 406);
    }

    @Test
    void shouldAnswerAMissingOrWrongCredentialWithAnOperationOutcome() {
        Response anonymous = given().accept(Fhir.JSON).get("/fhir/Questionnaire");
        assertThat(outcome(anonymous, 401).getIssueFirstRep().getCode()).isEqualTo(IssueType.LOGIN);
        outcome(as("rpk_not-a-key").get("/fhir/Questionnaire"), 401);
    }

    @Test
    void shouldAnswerTheOperatorWithAForbiddenOperationOutcome() {
        assertThat(outcome(as(Api.OPERATOR_KEY).get("/fhir/Questionnaire"), 403).getIssueFirstRep().getCode())
                .isEqualTo(IssueType.FORBIDDEN);
    }

    @Test
    void shouldAnswerUnknownTypesAndIdsWithNotFound() {
        assertThat(outcome(as(key).get("/fhir/Medication/1"), 404).getIssueFirstRep().getCode())
                .isEqualTo(IssueType.NOTFOUND);
        outcome(as(key).get("/fhir/Questionnaire/no-such-1.0.0"), 404);
        outcome(as(key).get("/fhir"), 404);
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWithMethodNotAllowed() {
        assertThat(outcome(as(key).delete("/fhir/Questionnaire/session-rating-4-1.0.0"), 405).getIssueFirstRep()
                .getCode()).isEqualTo(IssueType.NOTSUPPORTED);
        outcome(as(key).post("/fhir/metadata"), 405);
    }

    @Test
    void shouldNameTheBadParameterOfASearch() {
        Response r = as(key).queryParam("_count", "many").get("/fhir/Questionnaire");
        assertThat(expressions(outcome(r, 400))).containsExactly("_count");
        assertThat(expressions(outcome(as(key).queryParam("_count", "-1").get("/fhir/Questionnaire"), 400)))
                .containsExactly("_count");
    }

    @Test
    void shouldNeverLeakAStackTrace() {
        Response r = as(key).queryParam("_offset", "99999999999999").get("/fhir/Questionnaire");
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("at io.rapport");
        outcome(r, 400);
    }

    @Test
    void shouldRefuseAnOversizedBodyWithAnOperationOutcome() {
        String huge = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"id\":\"" + "x".repeat(1_100_000)
                + "\"}";
        assertThat(outcome(as(key).body(huge).put("/fhir/Patient?identifier=big"), 413).getIssueFirstRep()
                .getCode()).isEqualTo(IssueType.TOOCOSTLY);
    }
}
