package io.rapport.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls /fhir as a FHIR client would, and reads the answers with HAPI's parser. */
public final class FhirApi {

    /** An Encounter of therapist t-1 with one client: identifier and subject to fill in. */
    public static final String ENCOUNTER = """
            {"resourceType":"Encounter","status":"finished",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
             "identifier":[{"system":"urn:ehr:enc","value":"%s"}],"subject":%s,
             "participant":[{"individual":{"identifier":{"value":"t-1"}}}],
             "period":{"start":"2026-11-20T15:00:00Z"}}""";

    /** A joint session: members of the contained Group, identifier and the subject reference to fill in. */
    public static final String JOINT_ENCOUNTER = """
            {"resourceType":"Encounter","status":"finished",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
             "contained":[{"resourceType":"Group","id":"couple","type":"person","actual":true,"member":%s}],
             "identifier":[{"value":"%s"}],"subject":{"reference":"%s"},
             "participant":[{"individual":{"identifier":{"value":"t-1"}}}],
             "period":{"start":"2026-11-20T15:00:00Z"}}""";

    private FhirApi() {
    }

    public static RequestSpecification as(String key) {
        RequestSpecification spec = given().contentType(Fhir.JSON).accept(Fhir.JSON);
        return key == null ? spec : spec.auth().oauth2(key);
    }

    public static <T extends IBaseResource> T read(Response response, Class<T> type) {
        assertThat(response.contentType()).as(response.asString()).startsWith(Fhir.JSON);
        return Fhir.context().newJsonParser().parseResource(type, response.asString());
    }

    /** The OperationOutcome of an error, checked to have the given status. */
    public static OperationOutcome outcome(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        OperationOutcome outcome = read(response, OperationOutcome.class);
        assertThat(outcome.getIssue()).isNotEmpty();
        return outcome;
    }

    /** Every expression of every issue, to check that errors name the offending elements. */
    public static java.util.List<String> expressions(OperationOutcome outcome) {
        return outcome.getIssue().stream().flatMap(i -> i.getExpression().stream())
                .map(org.hl7.fhir.r4.model.StringType::getValue).toList();
    }
}
