package io.rapport.trend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.InstrumentConstants;
import io.rapport.trend.PairTrend;
import io.rapport.trend.SessionObservation;
import io.rapport.trend.TrendEngine;
import io.rapport.trend.TrendEvent;

/**
 * Reliable-change constants travel from a questionnaire file's {@code reliableChange} block to the trend engine. The
 * constants here are synthetic test values, not taken from any publication: no shipped instrument carries verified
 * constants yet.
 */
class InstrumentConstantsMapperTest {

    private static final Path SHIPPED = Path.of("questionnaires");
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    /** SD = 5, r = 0.875: SE = 5 · √0.125 ≈ 1.7678, S_diff = √2 · SE = 2.5, threshold = 1.96 · 2.5 = 4.9. */
    private static final String TOTAL_RC = """
            reliableChange:
              - sd: 5
                reliability: 0.875
                source: "Test fixture only: synthetic constants, not from a publication"
            """;

    @TempDir
    Path dir;

    /** Drops at z 1.96, so a file's constants give the textbook Jacobson–Truax threshold. */
    private final TrendEngine engine = new TrendEngine(new io.rapport.trend.Thresholds(1.96, 3, 2, 3, 2, 1.96));

    @BeforeEach
    void copySchema() throws IOException {
        Files.copy(SHIPPED.resolve("schema.json"), dir.resolve("schema.json"));
    }

    /** The shipped file of {@code id@1.0.0} as an unreleased {@code 1.1.0} with {@code extra} appended. */
    private QuestionnaireDefinition bumped(String id, String extra) throws IOException {
        String shipped = Files.readString(SHIPPED.resolve(id + "-1.0.0.yaml"));
        Files.writeString(dir.resolve(id + "-1.1.0.yaml"), shipped.replace("version: 1.0.0", "version: 1.1.0") + extra);
        return QuestionnaireCatalog.load(dir, Optional.empty()).get(id, "1.1.0").orElseThrow();
    }

    private static List<SessionObservation> scores(double... totals) {
        List<SessionObservation> sessions = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            sessions.add(SessionObservation.answered(i + 1, START.plus(Duration.ofDays(7L * i)), totals[i], Map.of()));
        }
        return sessions;
    }

    private static List<TrendEvent> reliableDrops(PairTrend trend) {
        return trend.events().stream().filter(e -> e.type().equals("reliable-drop")).toList();
    }

    @Test
    void shouldCarryFileConstantsIntoTheReliableChangeThreshold() throws IOException {
        InstrumentConstants constants = InstrumentConstantsMapper.of(bumped("session-rating-4", TOTAL_RC));

        assertEquals(5.0, constants.total().referenceSd());
        assertEquals(0.875, constants.total().reliability());
        assertEquals(4.9, engine.analyse(constants, scores(30)).reliableChange().threshold(), 1e-12);
    }

    @Test
    void shouldRaiseReliableDropForADropOfExactlyTheThreshold() throws IOException {
        // Both totals are below the cutoff 36, so only the size of the drop matters: 30 − 25.1 = 4.9 ≥ 4.9
        InstrumentConstants constants = InstrumentConstantsMapper.of(bumped("session-rating-4", TOTAL_RC));

        List<TrendEvent> drops = reliableDrops(engine.analyse(constants, scores(30, 25.1)));

        assertEquals(1, drops.size());
        assertEquals(2, drops.get(0).sessionNumber());
        assertEquals(4.9, (double) drops.get(0).detail().get("threshold"), 1e-12);
    }

    @Test
    void shouldNotRaiseReliableDropForADropJustUnderTheThreshold() throws IOException {
        // 30 − 25.2 = 4.8 < 4.9 (one 0.1 step of the visual analogue lines under the threshold)
        InstrumentConstants constants = InstrumentConstantsMapper.of(bumped("session-rating-4", TOTAL_RC));

        assertEquals(List.of(), reliableDrops(engine.analyse(constants, scores(30, 25.2))));
    }

    @Test
    void shouldGiveSubscaleConstantsOnlyToTheNamedSubscale() throws IOException {
        InstrumentConstants constants = InstrumentConstantsMapper.of(bumped("wai-sr", """
                reliableChange:
                  - scale: task
                    sd: 2.5
                    reliability: 0.875
                    source: "Test fixture only: synthetic constants, not from a publication"
                """));

        assertNull(constants.total().referenceSd());
        assertEquals(2.5, constants.subscales().get("task").referenceSd());
        assertEquals(0.875, constants.subscales().get("task").reliability());
        assertNull(constants.subscales().get("goal").referenceSd());
        assertNull(constants.subscales().get("bond").referenceSd());
    }
}
