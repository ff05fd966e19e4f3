package io.rapport.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TrendPerformanceTest {

    @Test
    void shouldAnalyseFiveHundredSessionsWithTwoSubscalesQuickly() {
        Random random = new Random(42);
        List<SessionObservation> sessions = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            if (n % 7 == 0) {
                sessions.add(SessionObservation.expired(n, TrendFixtures.at(n)));
            } else {
                double bond = 10 + random.nextInt(11);
                double task = 10 + random.nextInt(11);
                sessions.add(SessionObservation.answered(n, TrendFixtures.at(n), bond + task,
                        Map.of("bond", bond, "task", task)));
            }
        }
        InstrumentConstants wai = TrendFixtures.instrument(5.0, 0.875, 30.0, 1);
        TrendEngine engine = new TrendEngine();
        for (int i = 0; i < 2_000; i++) {
            engine.analyse(wai, sessions);
        }

        int runs = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            engine.analyse(wai, sessions);
        }
        double millisPerRun = (System.nanoTime() - start) / 1e6 / runs;

        // Generous bound so a loaded CI machine does not flake; typically far below it.
        assertTrue(millisPerRun < 2.0, "took " + millisPerRun + " ms per analysis");
        System.out.printf("trend of 500 sessions: %.3f ms%n", millisPerRun);
    }
}
