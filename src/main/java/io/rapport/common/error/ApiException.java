package io.rapport.common.error;

import java.util.List;
import java.util.OptionalLong;

import io.rapport.common.error.Problem.FieldError;

/** A failure the client can act on; rendered as problem details by {@link ProblemMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;

    public ApiException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not Found", what + " was not found", List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid-request", "Bad Request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "unprocessable", "Unprocessable Content", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String code, String field, String message) {
        return new ApiException(409, code, "Conflict", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds a client should wait before retrying, sent as Retry-After; empty for most failures. */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }
}
