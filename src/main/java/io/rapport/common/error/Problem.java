package io.rapport.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code errors} lists every offending field, so a client can fix all of
 * them in one round trip.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: a JSON path such as {@code assignments[0].expiresAt}, or a parameter name. */
    public record FieldError(String field, String message) {
    }
}
