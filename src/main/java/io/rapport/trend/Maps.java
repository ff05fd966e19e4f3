package io.rapport.trend;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

final class Maps {

    private Maps() {
    }

    /** Sorted, so serialised output is the same on every run (Map.copyOf iterates in a per-JVM random order). */
    static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
