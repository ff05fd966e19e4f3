package io.rapport.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.rapport.insight.InsightStatistics.MeanCi;

/** The JSON of {@code /api/v1/insights}: records only, built by {@link InsightService}. */
public final class InsightViews {

    private InsightViews() {
    }

    /** Both days inclusive, UTC. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The cutoff the share of pairs beyond it uses, from the questionnaire file; null value when it has none. */
    public record CutoffUsed(Double value, String direction, String source) {
    }

    /**
     * One cell: the organization, a therapist or a tag. When {@code suppressed}, every figure is null: fewer than the
     * configured number of clients. {@code note} says why a figure is missing.
     */
    public record Figures(String therapistId, String name, boolean suppressed, Long clients, Long sessions,
            Long assignmentsSent, Long completed, Long expired, Long cancelled, Long open, Double responseRate,
            Double medianHoursToAnswer, Long pairs, Long scoredSessions, MeanCi firstAlliance, MeanCi latestAlliance,
            Double beyondCutoffShare, Long ruptures, Double rupturesPer100ScoredSessions, Long repaired,
            Long unrepaired, Double repairedShare, Long openUnrepaired, List<String> notes) {
    }

    /** A calendar month's mean total; null mean when suppressed or empty. */
    public record MonthFigures(Instant month, boolean suppressed, Long responses, MeanCi mean) {
    }

    /**
     * Pearson's r between empathy and later alliance over {@code n} pairs, with its 95 % interval by Fisher's z (none
     * below 4 pairs). Per pair: its first scored total of the empathy instrument in the period, and its scored total
     * of the alliance instrument at the first later session in the period; pairs without one are left out. When
     * {@code suppressed}, every figure is null: fewer than the configured number of clients. {@code note}s say why
     * a figure is missing.
     */
    public record EmpathyAlliance(String empathyQuestionnaireId, String allianceQuestionnaireId, boolean suppressed,
            Long n, Double r, Double lower95, Double upper95, List<String> notes) {
    }

    /**
     * The organization over the period, with the monthly means of the 12 months ending with it and, for a
     * client-rated alliance instrument, its correlation with each client-rated empathy instrument that has data.
     */
    public record OrganizationInsight(String questionnaireId, Period period, CutoffUsed cutoff, int minClients,
            Figures organization, List<MonthFigures> monthly, List<EmpathyAlliance> empathyAlliance) {
    }

    /** One therapist against the organization. */
    public record TherapistInsight(String questionnaireId, Period period, CutoffUsed cutoff, int minPairs,
            int minClients, Figures therapist, Figures organization, List<MonthFigures> monthly,
            List<MonthFigures> organizationMonthly, List<EmpathyAlliance> empathyAlliance,
            List<EmpathyAlliance> organizationEmpathyAlliance) {
    }

    /**
     * A therapist's row in the comparison: {@code shrunkenLatest} is the empirical Bayes estimate of the mean latest
     * total, {@code rank} its place (1 = best) among therapists with enough pairs; both null below them.
     */
    public record TherapistRow(Figures figures, boolean compared, Double shrunkenLatest, Double shrinkage,
            Integer rank) {
    }

    public record TherapistComparison(String questionnaireId, Period period, CutoffUsed cutoff, int minPairs,
            int minClients, String rankedBy, Figures organization, List<TherapistRow> therapists) {
    }

    /** A program tag's figures; {@code figures.name} is the tag, {@code figures.therapistId} null. */
    public record TagRow(String tag, Figures figures) {
    }

    /** Each program tag (or one) against the organization. */
    public record TagComparison(String questionnaireId, Period period, CutoffUsed cutoff, int minClients,
            Figures organization, List<TagRow> tags) {
    }

    /** An item's corrected item–total (item–rest) correlation; null when the item or the rest has no variance. */
    public record ItemRest(String item, Double correlation) {
    }

    /**
     * One scale of one version: alpha with Feldt's 95 % interval over {@code n} responses (each pair's first with
     * every item answered), flagged when the interval's lower end is below the floor; the shares of responses at
     * the scale's ceiling and floor.
     */
    public record ScaleReliabilityView(String scale, int items, Double alpha, Double lower95, Double upper95,
            boolean flagged, List<ItemRest> itemRest, Double ceilingShare, Double floorShare,
            CeilingByCandour ceilingByCandour, List<String> notes) {
    }

    /**
     * The ceiling share of the sampled responses whose form showed the candour line, and of those whose form did
     * not (answers from the API or FHIR are in neither); a share is null below the configured clients.
     */
    public record CeilingByCandour(long withLine, Double shareWithLine, long withoutLine, Double shareWithoutLine) {
    }

    /** A version's scales; every figure withheld when suppressed (fewer than the configured clients). */
    public record VersionReliability(String version, boolean suppressed, Long n, List<ScaleReliabilityView> scales) {
    }

    public record ReliabilityInsight(String questionnaireId, Period period, double alphaFloor, int minClients,
            List<VersionReliability> versions) {
    }
}
