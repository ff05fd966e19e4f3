package io.rapport.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Should trends be computed on each read or maintained on each submission? Analysing a pair's whole history is
 * compared with turning the result into JSON, which every read does anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrendEngineBenchmark {

    @Param({ "500" })
    int sessions;

    private final TrendEngine engine = new TrendEngine();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private InstrumentConstants constants;
    private List<SessionObservation> history;
    private PairTrend trend;

    @Setup
    public void pairWithLongHistory() {
        constants = new InstrumentConstants("wai-sr", Direction.BELOW, new ScoreConstants(6.0, 0.9, 40.0, 1),
                Map.of("bond", new ScoreConstants(2.5, 0.85, null, 1), "goal", ScoreConstants.stepOnly(1),
                        "task", ScoreConstants.stepOnly(1)));
        Random random = new Random(42);
        history = new ArrayList<>();
        Instant start = Instant.parse("2020-01-06T10:00:00Z");
        for (int n = 1; n <= sessions; n++) {
            Instant at = start.plusSeconds(7L * 24 * 3600 * n);
            if (n % 17 == 0) {
                history.add(SessionObservation.expired(n, at));
                continue;
            }
            double total = Math.max(12, Math.min(60, 45 + random.nextGaussian() * 6));
            history.add(SessionObservation.answered(n, at, Math.rint(total), Map.of("bond", Math.rint(total / 3),
                    "goal", Math.rint(total / 3), "task", Math.rint(total / 3))));
        }
        trend = engine.analyse(constants, history);
    }

    @Benchmark
    public PairTrend analyse() {
        return engine.analyse(constants, history);
    }

    @Benchmark
    public byte[] serializeBaseline() throws Exception {
        return json.writeValueAsBytes(trend);
    }
}
