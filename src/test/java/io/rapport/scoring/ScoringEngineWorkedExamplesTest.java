package io.rapport.scoring;

import static io.rapport.scoring.Instruments.answers;
import static io.rapport.scoring.Instruments.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Expected values are worked out by hand from each instrument's published rule (arithmetic in the comments). */
class ScoringEngineWorkedExamplesTest {

    private final ScoringEngine engine = new ScoringEngine();

    private static void assertScore(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void shouldSumWaiSrTotalAndSubscales() {
        // items 1..12 = 5 4 3 5 2 4 3 5 4 5 4 3
        // task 1,2,10,12 = 5+4+5+3 = 17; goal 4,6,8,11 = 5+4+5+4 = 18; bond 3,5,7,9 = 3+2+3+4 = 12; total 47
        ScoreResult r = engine.score(get("wai-sr"), answers(5, 4, 3, 5, 2, 4, 3, 5, 4, 5, 4, 3));
        assertScore("47", r.total());
        assertScore("17", r.subscales().get("task"));
        assertScore("18", r.subscales().get("goal"));
        assertScore("12", r.subscales().get("bond"));
        assertTrue(r.scored());
        assertEquals(List.of(), r.flags());
    }

    @Test
    void shouldFlagSessionRatingJustBelowCutoff() {
        // 9.0 + 9.0 + 9.0 + 8.9 = 35.9 < 36
        ScoreResult r = engine.score(get("session-rating-4"), answers(9.0, 9.0, 9.0, 8.9));
        assertScore("35.9", r.total());
        assertEquals(List.of("below-cutoff"), r.flags());
    }

    @Test
    void shouldNotFlagSessionRatingAtCutoff() {
        // 9.0 + 9.0 + 9.0 + 9.0 = 36.0, not below 36
        ScoreResult r = engine.score(get("session-rating-4"), answers(9.0, 9.0, 9.0, 9.0));
        assertScore("36", r.total());
        assertEquals(List.of(), r.flags());
    }

    @Test
    void shouldAddTenthsExactly() {
        // 0.1 + 0.2 + 0.3 + 0.4 = 1.0 (binary doubles would give 1.0000000000000002)
        ScoreResult r = engine.score(get("session-rating-4"), answers(0.1, 0.2, 0.3, 0.4));
        assertScore("1", r.total());
    }

    @Test
    void shouldFlagOutcomeRatingOnlyBelowTwentyFive() {
        // 6 + 6 + 6 + 6.9 = 24.9 < 25; 6 + 6 + 6 + 7 = 25 is not below
        assertEquals(List.of("below-cutoff"), engine.score(get("outcome-rating-4"), answers(6, 6, 6, 6.9)).flags());
        ScoreResult atCutoff = engine.score(get("outcome-rating-4"), answers(6, 6, 6, 7));
        assertScore("25", atCutoff.total());
        assertEquals(List.of(), atCutoff.flags());
    }

    @Test
    void shouldAverageSaiItems() {
        // 1-6 scale, mean of six items: (6+5+4+6+5+4)/6 = 30/6 = 5; (6+6+6+6+6+5)/6 = 35/6 = 5.8333 -> 5.83
        assertScore("5", engine.score(get("sai"), answers(6, 5, 4, 6, 5, 4)).total());
        assertScore("5.83", engine.score(get("sai"), answers(6, 6, 6, 6, 6, 5)).total());
        // (1+1+1+1+1+2)/6 = 7/6 = 1.1667 -> 1.17
        assertScore("1.17", engine.score(get("sai"), answers(1, 1, 1, 1, 1, 2)).total());
    }

    @Test
    void shouldReverseArmItemThreeBeforeAveraging() {
        // item 3 = 2 reversed to 1+7-2 = 6: (7+6+6+5+6)/5 = 30/5 = 6
        assertScore("6", engine.score(get("arm-5"), answers(7, 6, 2, 5, 6)).total());
        // all 1: item 3 becomes 7: (1+1+7+1+1)/5 = 11/5 = 2.2
        assertScore("2.2", engine.score(get("arm-5"), answers(1, 1, 1, 1, 1)).total());
    }

    @Test
    void shouldSumCompleteCareForm() {
        // 5+4+4+3+5+5+4+4+3+5 = 42
        ScoreResult r = engine.score(get("care"), answers(5, 4, 4, 3, 5, 5, 4, 4, 3, 5));
        assertScore("42", r.total());
        assertEquals(List.of(), r.imputedItems());
    }

    @Test
    void shouldProrateCareWithExactlyTwoNotApplicable() {
        // answered 5+4+4+3+5+5+4+4 = 34 over 8 items, mean 4.25; total = 4.25 * 10 = 42.5
        ScoreResult r = engine.score(get("care"), answers(5, 4, 4, 3, 5, 5, 4, 4, "na", "na"));
        assertScore("42.5", r.total());
        assertEquals(List.of("9", "10"), r.imputedItems());
        assertTrue(r.scored());
    }

    @Test
    void shouldCountMissingAndNotApplicableTogetherForCare() {
        // item 2 missing, item 7 "na": answered 5+5+5+5+5+5+5+4 = 39, mean 4.875, total 48.75
        ScoreResult r = engine.score(get("care"), answers(5, null, 5, 5, 5, 5, "na", 5, 5, 4));
        assertScore("48.75", r.total());
        assertEquals(List.of("2", "7"), r.imputedItems());
    }

    @Test
    void shouldRoundProratedCareToTwoDecimals() {
        // one missing: 5*8 + 4 = 44 over 9, mean 4.888..., total 48.888... -> 48.89
        assertScore("48.89", engine.score(get("care"), answers(5, 5, 5, 5, 5, 5, 5, 5, 4, "na")).total());
    }

    @Test
    void shouldNotScoreCareWithThreeNotApplicable() {
        ScoreResult r = engine.score(get("care"), answers(5, 4, 4, 3, 5, 5, 4, "na", "na", "na"));
        assertFalse(r.scored());
        assertNull(r.total());
        assertEquals(List.of(Flags.TOO_MANY_MISSING), r.flags());
        assertEquals(List.of(), r.imputedItems());
    }

    @Test
    void shouldSumPatientEmpathyItems() {
        // 7+6+5+7+6 = 31
        assertScore("31", engine.score(get("patient-empathy-5"), answers(7, 6, 5, 7, 6)).total());
    }

    @Test
    void shouldSumCoupleAllianceSubscales() {
        // self 7+6+5+7 = 25, other 4+3+4+5 = 16, group 6+6+7+5 = 24, total 65
        ScoreResult r = engine.score(get("couple-alliance-12"), answers(7, 6, 5, 7, 4, 3, 4, 5, 6, 6, 7, 5));
        assertScore("65", r.total());
        assertScore("25", r.subscales().get("self-therapist"));
        assertScore("16", r.subscales().get("other-therapist"));
        assertScore("24", r.subscales().get("group-therapist"));
    }

    @Test
    void shouldSerializeResultAsDocumentedJson() throws Exception {
        ScoreResult r = engine.score(get("session-rating-4"), answers(9.0, 9.0, 9.0, 8.9));
        assertEquals("{\"questionnaireId\":\"session-rating-4\",\"version\":\"1.0.0\",\"total\":35.9,\"method\":\"sum\","
                + "\"subscales\":{},\"imputedItems\":[],\"scored\":true,\"flags\":[\"below-cutoff\"]}",
                new ObjectMapper().writeValueAsString(r));
        ScoreResult wai = engine.score(get("wai-sr"), answers(5, 4, 3, 5, 2, 4, 3, 5, 4, 5, 4, 3));
        assertEquals("{\"questionnaireId\":\"wai-sr\",\"version\":\"1.0.0\",\"total\":47,\"method\":\"sum\","
                + "\"subscales\":{\"task\":17,\"goal\":18,\"bond\":12},\"imputedItems\":[],\"scored\":true,\"flags\":[]}",
                new ObjectMapper().writeValueAsString(wai));
    }

    @Test
    void shouldAcceptEveryNumericType() {
        Map<String, Object> mixed = answers(7, 6L, new BigDecimal("5.0"), 7.0, 6);
        assertScore("31", engine.score(get("patient-empathy-5"), mixed).total());
    }
}
