package io.rapport.common.web;

import java.util.UUID;

import io.rapport.common.error.ApiException;

/** Object ids in paths. A malformed id names nothing that exists, so it is a 404 like any unknown id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through to not found
        }
        throw ApiException.notFound(what);
    }
}
