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

    /** Session rating-like constants with an error SD, under the default thresholds. */
    private static InstrumentConstants withErrorSd(double withinSd) {
        return new InstrumentConstants("srs", Direction.BELOW, new ScoreConstants(2.0, 0.8, null, 0.1, withinSd),
                Map.of());
    }

    private final TrendEngine defaults = new TrendEngine(Thresholds.DEFAULTS);

    @Property
    void shouldNeverRaiseADropOnAConstantSeries(@ForAll @IntRange(min = 0, max = 400) int tenths,
            @ForAll @IntRange(min = 1, max = 40) int length, @ForAll @IntRange(min = 0, max = 30) int withinTenths) {
        double[] totals = new double[length];
        java.util.Arrays.fill(totals, tenths / 10.0);

        List<TrendEvent> events = defaults.analyse(withErrorSd(withinTenths / 10.0), TrendFixtures.scores(totals))
                .events();

        assertTrue(events.stream().noneMatch(e -> RuptureSimulation.DROPS.contains(e.type())), events::toString);
    }

    @Property
    void shouldAlwaysRaiseADropForARuptureBeyondTheThreshold(@ForAll @IntRange(min = 200, max = 400) int tenths,
            @ForAll @IntRange(min = 2, max = 30) int ruptureAt, @ForAll @IntRange(min = 0, max = 30) int withinTenths,
            @ForAll @IntRange(min = 0, max = 50) int extraTenths) {
        InstrumentConstants constants = withErrorSd(withinTenths / 10.0);
        ScoreConstants total = constants.total();
        double threshold = Thresholds.DEFAULTS.reliableDropZ() * Math.sqrt(2) * total.errorSd();
        double level = tenths / 10.0;
        double drop = Math.max(threshold, total.step()) + extraTenths / 10.0;
        double[] totals = new double[ruptureAt + 2];
        java.util.Arrays.fill(totals, level);
        totals[ruptureAt - 1] = level - drop;

        List<TrendEvent> events = defaults.analyse(constants, TrendFixtures.scores(totals)).events();

        assertTrue(events.stream().anyMatch(e -> e.type().equals("reliable-drop") && e.sessionNumber() == ruptureAt),
                events::toString);
    }

    @Property
    void shouldGiveTheSameEventsWhateverOrderTheResponsesArriveIn(@ForAll("series") List<SessionObservation> sessions,
            @ForAll java.util.Random random) {
        List<SessionObservation> shuffled = new ArrayList<>(sessions);
        java.util.Collections.shuffle(shuffled, random);
        InstrumentConstants constants = withErrorSd(1.5);

        assertEquals(defaults.analyse(constants, sessions).events(), defaults.analyse(constants, shuffled).events());
    }
}
