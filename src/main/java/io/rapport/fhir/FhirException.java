package io.rapport.fhir;

import java.util.List;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;

/**
 * A FHIR request the caller can fix. {@code field} is a FHIRPath expression such as {@code Patient.identifier};
 * the response filter turns it into an OperationOutcome issue with that expression.
 */
public final class FhirException extends ApiException {

    private FhirException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(status, code, title, detail, errors);
    }

    public static FhirException invalid(String expression, String message) {
        return new FhirException(400, "invalid", "Bad Request", expression + ": " + message,
                List.of(new FieldError(expression, message)));
    }

    public static FhirException unprocessable(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The resource is invalid");
        return new FhirException(422, "unprocessable", "Unprocessable Content", detail, errors);
    }

    public static FhirException unprocessable(String expression, String message) {
        return unprocessable(List.of(new FieldError(expression, message)));
    }

    public static FhirException notFound(String type, String id) {
        return new FhirException(404, "not-found", "Not Found", type + "/" + id + " is not known", List.of());
    }

    public static FhirException unknownPath(String path) {
        return new FhirException(404, "not-found", "Not Found", "Nothing is served at /fhir/" + path, List.of());
    }

    public static FhirException conflict(String expression, String message) {
        return new FhirException(409, "conflict", "Conflict", expression + ": " + message,
                List.of(new FieldError(expression, message)));
    }

    public static FhirException preconditionFailed(String expression, String message) {
        return new FhirException(412, "precondition-failed", "Precondition Failed", expression + ": " + message,
                List.of(new FieldError(expression, message)));
    }
}
