package io.rapport.common.web;

import java.util.Optional;
import java.util.UUID;

import io.rapport.common.error.ApiException;

/** Object ids in paths. A malformed id names nothing that exists, so it is a 404 like any unknown id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        return tryParse(id).orElseThrow(() -> ApiException.notFound(what));
    }

    /** The id in its canonical 36-character form; anything else, null included, is empty. */
    public static Optional<UUID> tryParse(String id) {
        try {
            if (id != null && id.length() == 36) {
                return Optional.of(UUID.fromString(id));
            }
        } catch (IllegalArgumentException e) {
            // not an id
        }
        return Optional.empty();
    }
}
