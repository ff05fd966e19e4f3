package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.answered;
import static io.rapport.trend.TrendFixtures.expired;
import static io.rapport.trend.TrendFixtures.instrument;
import static io.rapport.trend.TrendFixtures.open;
import static io.rapport.trend.TrendFixtures.summary;
import static io.rapport.trend.TrendFixtures.unassigned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoResponseTest {

    private final TrendEngine engine = new TrendEngine();

    private final InstrumentConstants plain = instrument(null, null, null, 1);

    private List<String> events(SessionObservation... sessions) {
        return summary(engine.analyse(plain, List.of(sessions)).events());
    }

    @Test
    void shouldRaiseNoResponseAfterTwoConsecutiveExpiries() {
        List<TrendEvent> events = engine.analyse(plain, List.of(answered(1, 30), expired(2), expired(3))).events();

        assertEquals(List.of("no-response@3"), summary(events));
        assertEquals(2, events.get(0).detail().get("consecutiveExpired"));
        assertEquals(2, events.get(0).detail().get("firstExpiredSession"));
    }

    @Test
    void shouldNotRaiseNoResponseAfterOneExpiry() {
        assertEquals(List.of(), events(answered(1, 30), expired(2), answered(3, 30)));
    }

    @Test
    void shouldNotRaiseNoResponseForNonConsecutiveExpiries() {
        assertEquals(List.of(), events(expired(1), answered(2, 30), expired(3), open(4), expired(5)));
    }

    @Test
    void shouldRaiseOncePerRunOfExpiries() {
        // run 1..4 raises at its second expiry only; the answer at 5 ends it; run 6..7 raises at 7
        assertEquals(List.of("no-response@2", "no-response@7"),
                events(expired(1), expired(2), expired(3), expired(4), answered(5, 30), expired(6), expired(7)));
    }

    @Test
    void shouldIgnoreSessionsWithoutAssignmentBetweenExpiries() {
        assertEquals(List.of("no-response@3"), events(expired(1), unassigned(2), expired(3)));
    }

    @Test
    void shouldHonourConfiguredNumberOfExpiries() {
        TrendEngine strict = new TrendEngine(new Thresholds(1.96, 3, 2, 3, 3, 3));

        assertEquals(List.of("no-response@3"),
                summary(strict.analyse(plain, List.of(expired(1), expired(2), expired(3))).events()));
    }
}
