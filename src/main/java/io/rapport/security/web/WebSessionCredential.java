package io.rapport.security.web;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie of a browser. */
public class WebSessionCredential extends BaseAuthenticationRequest {

    private final String token;

    public WebSessionCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
