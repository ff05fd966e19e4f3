package io.rapport.trend;

/** Rule types; {@link #code()} is the value serialised in {@link TrendEvent#type()}. */
public enum EventType {
    BELOW_CUTOFF("below-cutoff"),
    RELIABLE_DROP("reliable-drop"),
    PERSONAL_DROP("personal-drop"),
    REPAIR("repair"),
    UNREPAIRED("unrepaired"),
    NO_RESPONSE("no-response"),
    SPLIT_ALLIANCE("split-alliance");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
