package io.rapport.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.insight.InsightQueries.Scope;
import io.rapport.insight.InsightQueries.TherapistRef;
import io.rapport.insight.InsightViews.Period;
import io.rapport.perspective.PerspectiveGap;
import io.rapport.perspective.PerspectiveService;

/**
 * Empathic accuracy in insight (issue 16, item 2): per therapist and for the organization, the mean absolute and
 * mean signed gap between the therapist's prediction and the client's rating, with 95 % intervals over pairs. Cells
 * of fewer than {@code minPairs} pairs are withheld, and so is the smallest shown cell while the withheld ones
 * could be worked out from the organization's figure (complementary suppression, as for the alliance figures).
 */
@ApplicationScoped
public class AccuracyInsights {

    /** How the figures are computed, as the API and the pages say it. */
    public static final String DEFINITION = "gap = the therapist's prediction of the client's total minus the"
            + " client's total, for each session with both; each pair's gaps are averaged first (sessions of one pair"
            + " are not independent), then pairs; 95 % intervals are Student's t over pairs";

    /** One cell: a therapist, or the organization (no therapist id). Figures are null when withheld. */
    public record Row(String therapistId, String name, boolean suppressed, String note, int pairs, Integer sessions,
            Double meanAbsolute, List<Double> absoluteCi95, Double meanSigned, List<Double> signedCi95) {
    }

    public record AccuracyInsight(String questionnaireId, String predictionId, Period period, int minPairs,
            String definition, Row organization, List<Row> therapists) {
    }

    private final PerspectiveService perspectives;
    private final InsightQueries queries;
    private final InsightConfig config;

    public AccuracyInsights(PerspectiveService perspectives, InsightQueries queries, InsightConfig config) {
        this.perspectives = perspectives;
        this.queries = queries;
        this.config = config;
    }

    /**
     * The organization and every therapist with a session rated from both sides; {@code onlyTherapist} (the EHR's
     * id) keeps that one therapist's row, and the organization's is then withheld when everyone else is a small
     * cell, with the note the alliance figures beside a therapist use. 404 naming {@code questionnaireId} when the instrument
     * has no prediction form.
     */
    @Transactional
    public AccuracyInsight accuracy(InsightService.Request request, String onlyTherapist) {
        Scope scope = request.scope(null);
        PerspectiveService.Accuracy accuracy = perspectives.accuracy(request.organizationId(),
                request.instrument().id(), scope.from(), scope.to()).orElseThrow(
                        () -> new ApiException(404,
                                "not-found", "Not Found", "questionnaireId: no therapist prediction form mirrors '"
                                        + request.instrument().id() + "'",
                                List.of(new FieldError("questionnaireId", "has no therapist prediction form"))));
        Map<UUID, TherapistRef> refs = queries.therapists(request.organizationId());
        Map<String, Long> pairs = new LinkedHashMap<>();
        accuracy.byTherapist().forEach((id, s) -> pairs.put(id.toString(), (long) s.pairs()));
        Set<String> small = new LinkedHashSet<>();
        pairs.forEach((id, n) -> {
            if (n < config.minPairs()) {
                small.add(id);
            }
        });
        Set<String> complementary = InsightStatistics.complementary(pairs, small, config.minClients());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<UUID, PerspectiveGap.Summary> e : accuracy.byTherapist().entrySet()) {
            TherapistRef ref = refs.get(e.getKey());
            String key = e.getKey().toString();
            String note = null;
            if (small.contains(key)) {
                note = tooFew(e.getValue().pairs());
            } else if (complementary.contains(key)) {
                note = InsightService.COMPLEMENTARY;
            }
            rows.add(row(ref == null ? key : ref.externalId(), ref == null ? null : ref.displayName(), e.getValue(),
                    note));
        }
        rows.sort(Comparator.comparing(Row::therapistId));
        PerspectiveGap.Summary org = accuracy.organization();
        String orgNote = org.pairs() < config.minPairs() ? tooFew(org.pairs()) : null;
        if (onlyTherapist != null) {
            List<Row> own = rows.stream().filter(r -> r.therapistId().equals(onlyTherapist)).toList();
            int rest = org.pairs() - own.stream().mapToInt(Row::pairs).sum();
            if (orgNote == null && InsightStatistics.suppressed(rest, config.minClients())) {
                orgNote = InsightService.withoutTherapist(config.minClients());
            }
            rows = own;
        }
        return new AccuracyInsight(request.instrument().id(), accuracy.predictionId(), request.period(),
                config.minPairs(), DEFINITION, row(null, null, org, orgNote), rows);
    }

    /** Whether accuracy can be asked for the instrument: it has a therapist's prediction form. */
    public boolean available(String questionnaireId) {
        return perspectives.predictionOf(questionnaireId).isPresent();
    }

    private String tooFew(int pairs) {
        return "withheld: fewer than " + config.minPairs() + " pairs rated from both sides (" + pairs + ")";
    }

    private static Row row(String therapistId, String name, PerspectiveGap.Summary s, String note) {
        if (note != null) {
            return new Row(therapistId, name, true, note, s.pairs(), null, null, null, null, null);
        }
        return new Row(therapistId, name, false, null, s.pairs(), s.sessions(), s.meanAbsolute(), s.absoluteCi95(),
                s.meanSigned(), s.signedCi95());
    }
}
