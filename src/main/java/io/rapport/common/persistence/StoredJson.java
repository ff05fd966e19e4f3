package io.rapport.common.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a jsonb column that Rapport wrote itself: unreadable JSON there is a bug, not bad input. */
public final class StoredJson {

    private StoredJson() {
    }

    /** The column's JSON as a tree; {@code null} for SQL NULL. */
    public static JsonNode tree(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
