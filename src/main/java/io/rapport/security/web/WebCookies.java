package io.rapport.security.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The cookies of the pages. {@code __Host-} makes browsers accept them only when Secure, with Path=/ and no
 * Domain, so no sibling host can plant or read them.
 */
public final class WebCookies {

    public static final String SESSION = "__Host-rapport-session";
    /** Double-submit token of the login form, which has no session to bind a token to yet. */
    public static final String LOGIN_CSRF = "__Host-rapport-csrf";
    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    private WebCookies() {
    }

    public static String session(String token) {
        return SESSION + "=" + token + ATTRIBUTES;
    }

    public static String clearSession() {
        return SESSION + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    public static String loginCsrf(String token) {
        return LOGIN_CSRF + "=" + token + ATTRIBUTES;
    }

    /** Compares in constant time so the comparison does not reveal how much of a token was right. */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
