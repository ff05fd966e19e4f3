package io.rapport.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.rapport.trend.EventType;

/**
 * The event types of the outbox, which webhook endpoints can subscribe to. Payloads are thin on purpose: ids
 * and types only, never answers or scores, so that a receiver fetches clinical data through the
 * authenticated API.
 */
public final class EventTypes {

    /** A client completed a questionnaire; data carries {@code pairId}, {@code sessionNumber} and ids. */
    public static final String RESPONSE_COMPLETED = "response.completed";
    /**
     * The therapist's prediction of a session's rating missed the client's actual rating by at least the
     * reliable-change threshold (issue 16); data carries {@code pairId}, {@code sessionId} and both responses' ids.
     * An event, not an alert.
     */
    public static final String PERSPECTIVE_GAP = "perspective-gap";
    /**
     * A test event an admin sends to one endpoint, whatever types it subscribes to; it is about no pair, and its
     * data names the endpoint only.
     */
    public static final String TEST = "webhook.test";
    /** Every alert event type is {@code alert.} followed by an alert type. */
    public static final String ALERT_PREFIX = "alert.";

    /**
     * Every event type: a completed response, a perspective gap, one {@code alert.} type per {@link EventType}, and
     * the test.
     */
    public static final List<String> ALL = Stream.of(Stream.of(RESPONSE_COMPLETED, PERSPECTIVE_GAP),
            Arrays.stream(EventType.values()).map(t -> ALERT_PREFIX + t.code()), Stream.of(TEST))
            .flatMap(s -> s).toList();

    /** What an endpoint can subscribe to: every type but the test, which goes only where an admin sends it. */
    public static final List<String> SUBSCRIBABLE = ALL.stream().filter(t -> !t.equals(TEST)).toList();

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
