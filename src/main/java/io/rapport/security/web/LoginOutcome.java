package io.rapport.security.web;

import java.time.Duration;

/** What a login attempt led to. Unknown usernames and wrong passwords look the same from outside. */
public sealed interface LoginOutcome {

    record Success(String sessionToken) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
