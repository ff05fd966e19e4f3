package io.rapport.dashboard;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.rapport.security.Secrets;

/**
 * The double-submit guard of the settings pages: a form sent twice (a double click) acts once, and the second post
 * gets the first's outcome, in the same web session, for {@link #WINDOW}. Kept in this instance's memory only, never
 * in the database.
 *
 * @param <T> what a post did, shown again when the same form comes twice
 */
final class FormReplay<T> {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Cache<String, T> outcomeByForm = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(WINDOW).build();

    /** The form's nonce; a post without one gets a fresh one, so that it is never taken for another form. */
    static String nonce(String sent) {
        return sent == null || sent.isBlank() ? Secrets.newToken() : sent;
    }

    /** What the same form did when it was posted before in this session, if it was. */
    Optional<T> earlier(String session, String form) {
        return Optional.ofNullable(outcomeByForm.getIfPresent(session + ":" + form));
    }

    /** The action's outcome, the action run only for the first post of the form. */
    T once(String session, String form, Supplier<T> action) {
        return outcomeByForm.get(session + ":" + form, k -> action.get());
    }

    /** Keeps an outcome for the form, for when it comes again. */
    void remember(String session, String form, T outcome) {
        outcomeByForm.put(session + ":" + form, outcome);
    }
}
