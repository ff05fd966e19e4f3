package io.rapport.trend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule that fired at a session.
 *
 * @param type one of the {@link EventType} codes, e.g. "reliable-drop"
 * @param sessionNumber session at which the rule fired
 * @param detail the figures that triggered it (numbers), in a stable order
 */
public record TrendEvent(String type, int sessionNumber, Map<String, Object> detail) {

    static TrendEvent of(EventType type, int sessionNumber, Object... keyValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            detail.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new TrendEvent(type.code(), sessionNumber, Collections.unmodifiableMap(detail));
    }
}
