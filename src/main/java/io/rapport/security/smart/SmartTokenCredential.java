package io.rapport.security.smart;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer access token issued by {@code POST /oauth/token}. */
public class SmartTokenCredential extends BaseAuthenticationRequest {

    private final String token;

    public SmartTokenCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Whether a bearer value is shaped like one of these tokens (API keys start with {@code rpk_}). */
    public static boolean matches(String bearer) {
        return bearer.startsWith(TokenService.TOKEN_PREFIX);
    }
}
