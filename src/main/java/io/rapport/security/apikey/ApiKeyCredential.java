package io.rapport.security.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer API key presented by an EHR system, an organization admin or the operator. */
public class ApiKeyCredential extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyCredential(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
