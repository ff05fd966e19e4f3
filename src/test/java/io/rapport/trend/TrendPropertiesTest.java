package io.rapport.trend;

import static io.rapport.trend.TrendFixtures.RCI_4_9;
import static io.rapport.trend.TrendFixtures.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TrendPropertiesTest {

    private final TrendEngine engine = new TrendEngine();

    private final InstrumentConstants wai = instrument(5.0, 0.875, 20.0, 1);

    @Provide
    Arbitrary<List<SessionObservation>> series() {
        Arbitrary<SessionObservation> any = Arbitraries.integers().between(0, 9).flatMap(kind -> switch (kind) {
            case 0 -> Arbitraries.just(SessionObservation.expired(0, TrendFixtures.START));
            case 1 -> Arbitraries.just(SessionObservation.open(0, TrendFixtures.START));
            default -> Arbitraries.integers().between(5, 35)
                    .map(score -> SessionObservation.answered(0, TrendFixtures.START, (double) score, Map.of()));
        });
        return any.list().ofMaxSize(40).map(TrendPropertiesTest::numbered);
    }

    private static List<SessionObservation> numbered(List<SessionObservation> sessions) {
        List<SessionObservation> numbered = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionObservation s = sessions.get(i);
            numbered.add(new SessionObservation(i + 1, TrendFixtures.at(i + 1), s.status(), s.total(), s.subscales()));
        }
        return numbered;
    }

    @Property
    void shouldCloseEachRuptureEpisodeAtMostOnce(@ForAll("series") List<SessionObservation> sessions) {
        List<TrendEvent> events = engine.analyse(wai, sessions).events();

        long episodes = events.stream().filter(e -> e.type().equals("below-cutoff") || e.type().equals("reliable-drop")
                || e.type().equals("personal-drop")).mapToInt(TrendEvent::sessionNumber).distinct().count();
        long closed = events.stream().filter(e -> e.type().equals("repair") || e.type().equals("unrepaired")).count();
        assertTrue(closed <= episodes);
    }

    @Property
    void shouldBeDeterministic(@ForAll("series") List<SessionObservation> sessions) {
        assertEquals(engine.analyse(wai, sessions), engine.analyse(wai, sessions));
    }

    @Property
    void shouldRecoverTheSlopeOfAnExactLine(@ForAll @IntRange(min = -3, max = 3) int slope,
            @ForAll @IntRange(min = 3, max = 30) int length) {
        double[] totals = new double[length];
        for (int i = 0; i < length; i++) {
            totals[i] = 100 + slope * (i + 1);
        }

        PairTrend trend = engine.analyse(instrument(RCI_4_9), TrendFixtures.scores(totals));

        assertEquals(slope, trend.slope(), 1e-9);
        assertEquals(slope, trend.slopeCi95().get(0), 1e-6);
        assertEquals(slope, trend.slopeCi95().get(1), 1e-6);
    }
}
