package io.rapport.security.smart;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An error response of the token endpoint (RFC 6749 section 5.2). */
public record TokenErrorResponse(String error, @JsonProperty("error_description") String errorDescription) {
}
