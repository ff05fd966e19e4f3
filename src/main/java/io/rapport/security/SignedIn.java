package io.rapport.security;

import java.util.UUID;

/** The web session behind a page request: who is signed in, and the token their forms must carry. */
public record SignedIn(UUID accountId, String username, String sessionId, String csrfToken) {
}
