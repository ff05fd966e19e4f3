package io.rapport.security.smart;

/** An RFC 6749 section 5.2 error of the token endpoint: 401 for {@code invalid_client}, 400 for the others. */
public class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String error;

    OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description);
    }

    public String error() {
        return error;
    }

    public int status() {
        return error.equals("invalid_client") ? 401 : 400;
    }
}
