package io.rapport.common.error;

import java.util.List;

import io.rapport.common.error.Problem.FieldError;

/** A failure the client can act on; rendered as problem details by the web layer's {@code ProblemMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String title, String detail, List<FieldError> errors) {
        this(status, code, title, detail, errors, 0);
    }

    protected ApiException(int status, String code, String title, String detail, List<FieldError> errors,
            long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with the seconds after which a retry may succeed. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too Many Requests", detail, List.of(),
                Math.max(1, retryAfterSeconds));
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

    /** Seconds for a Retry-After header; 0 when none applies. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
