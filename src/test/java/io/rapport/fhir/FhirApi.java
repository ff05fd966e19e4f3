package io.rapport.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls /fhir as a FHIR client would, and reads the answers with HAPI's parser. */
public final class FhirApi {

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
