package io.rapport.security.jwt;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer JWT issued by the configured external identity provider. */
public class JwtCredential extends BaseAuthenticationRequest {

    private final String token;

    public JwtCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
