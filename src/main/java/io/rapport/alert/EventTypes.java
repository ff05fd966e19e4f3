package io.rapport.alert;

import java.util.List;
import java.util.Set;

/**
 * The event types of the outbox, which webhook endpoints can subscribe to. Payloads are thin on purpose: ids
 * and types only, never answers or scores, so that a receiver fetches clinical data through the
 * authenticated API.
 */
public final class EventTypes {

    /** A client completed a questionnaire; data carries {@code pairId}, {@code sessionNumber} and ids. */
    public static final String RESPONSE_COMPLETED = "response.completed";
    /** A score fell below the questionnaire's clinical cutoff. */
    public static final String BELOW_CUTOFF = "alert.below-cutoff";
    /** A score dropped by more than the reliable change index. */
    public static final String RELIABLE_DROP = "alert.reliable-drop";
    /** A score dropped well below the pair's own running mean. */
    public static final String PERSONAL_DROP = "alert.personal-drop";
    /** A rupture was repaired at a later session. */
    public static final String REPAIR = "alert.repair";
    /** A rupture stayed unrepaired. */
    public static final String UNREPAIRED = "alert.unrepaired";
    /** A questionnaire was not answered. */
    public static final String NO_RESPONSE = "alert.no-response";
    /** Client and therapist rate the alliance far apart. */
    public static final String SPLIT_ALLIANCE = "alert.split-alliance";

    /** Every alert event type is {@code alert.} followed by an alert type. */
    public static final String ALERT_PREFIX = "alert.";

    public static final List<String> ALL = List.of(RESPONSE_COMPLETED, BELOW_CUTOFF, RELIABLE_DROP, PERSONAL_DROP,
            REPAIR, UNREPAIRED, NO_RESPONSE, SPLIT_ALLIANCE);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
