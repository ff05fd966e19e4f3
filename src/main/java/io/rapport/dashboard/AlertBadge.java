package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * An open alert type worth a badge on the caseload. Drops and repairs show on the pair page only: a drop that
 * matters also brings the total below the cutoff or ends unrepaired.
 */
public enum AlertBadge {
    BELOW_CUTOFF("below-cutoff", "Below cutoff"),
    UNREPAIRED("unrepaired", "Unrepaired rupture"),
    NO_RESPONSE("no-response", "No response"),
    SPLIT_ALLIANCE("split-alliance", "Split alliance");

    public final String type;
    public final String label;

    AlertBadge(String type, String label) {
        this.type = type;
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
