package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.rapport.trend.EventType;

/**
 * An open alert type worth a badge on the caseload. Drops and repairs show on the pair page only: a drop that
 * matters also brings the total below the cutoff or ends unrepaired.
 */
public enum AlertBadge {
    BELOW_CUTOFF(EventType.BELOW_CUTOFF, "Below cutoff"),
    UNREPAIRED(EventType.UNREPAIRED, "Unrepaired rupture"),
    NO_RESPONSE(EventType.NO_RESPONSE, "No response"),
    SPLIT_ALLIANCE(EventType.SPLIT_ALLIANCE, "Split alliance");

    public final String type;
    public final String label;

    AlertBadge(EventType type, String label) {
        this.type = type.code();
        this.label = label;
    }

    static List<AlertBadge> of(List<String> openTypes) {
        List<AlertBadge> badges = new ArrayList<>();
        for (AlertBadge badge : values()) {
            if (openTypes.contains(badge.type)) {
                badges.add(badge);
            }
        }
        return badges;
    }
}
