package io.rapport.security.web;

/**
 * A sign-in through an identity provider that cannot go on. The message is for the log: a short reason that never
 * holds a code, token, secret or claim value.
 */
class OidcLoginException extends Exception {

    private static final long serialVersionUID = 1L;

    OidcLoginException(String reason) {
        super(reason, null, false, false);
    }
}
