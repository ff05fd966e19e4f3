package io.rapport.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import io.rapport.trend.EventType;

/** The names people read for alert types, in the order the inbox's type filter lists them. */
final class AlertTypes {

    static final Map<String, String> LABELS = labels();

    private AlertTypes() {
    }

    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(EventType.BELOW_CUTOFF.code(), "Below cutoff");
        labels.put(EventType.RELIABLE_DROP.code(), "Reliable drop");
        labels.put(EventType.PERSONAL_DROP.code(), "Personal drop");
        labels.put(EventType.UNREPAIRED.code(), "Unrepaired rupture");
        labels.put(EventType.REPAIR.code(), "Repair");
        labels.put(EventType.NO_RESPONSE.code(), "No response");
        labels.put(EventType.SPLIT_ALLIANCE.code(), "Split alliance");
        return labels;
    }
}
