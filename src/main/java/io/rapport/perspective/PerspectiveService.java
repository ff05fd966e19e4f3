package io.rapport.perspective;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.rapport.alert.EventTypes;
import io.rapport.alert.Outbox;
import io.rapport.delivery.ResponseRecorded;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.api.InstrumentTrend;
import io.rapport.trend.api.TrendService;

/**
 * Both sides of a session (issue 16): the client's rating, the therapist's own, and the therapist's prediction of
 * the client's, with the gap between prediction and rating (empathic accuracy).
 */
@ApplicationScoped
public class PerspectiveService {

    /** One session of a pair: each side's total where it exists, and the gap when both prediction and rating do. */
    public record SessionSides(int sessionNumber, Instant occurredAt, Double client, Double own, Double predicted,
            Double gap, boolean event, boolean late) {
    }

    /**
     * A client instrument's sessions with the therapist's forms beside them. {@code threshold}: the client
     * instrument's reliable-change threshold for this pair, null when no reference SD and reliability are known
     * (then no gap is an event). {@code latestGaps}: every scale's gap in the latest session with both.
     */
    public record PairSides(String questionnaireId, String ownId, String predictionId, Double threshold,
            List<SessionSides> sessions, Integer latestSession, List<PerspectiveGap.Gap> latestGaps) {
    }

    private final PerspectiveQueries queries;
    private final QuestionnaireCatalog catalog;
    private final TrendService trends;
    private final Outbox outbox;

    public PerspectiveService(PerspectiveQueries queries, QuestionnaireCatalog catalog, TrendService trends,
            Outbox outbox) {
        this.queries = queries;
        this.catalog = catalog;
        this.trends = trends;
        this.outbox = outbox;
    }

    /**
     * The sessions whose client answers the therapist may not see yet, because their own rating of the session is
     * still open: a prediction made after seeing the answers would measure nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> awaitingRating(UUID organizationId, UUID pairId) {
        return queries.sessionsAwaitingRating(organizationId, pairId, Instant.now());
    }

    /**
     * Each of the pair's client instruments that has a therapist's form, from the trends the reader sees;
     * {@code withheld} sessions show no client rating.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PairSides> forPair(UUID organizationId, UUID pairId, List<InstrumentTrend> clientTrends,
            Set<UUID> withheld) {
        List<PairSides> result = new ArrayList<>();
        for (InstrumentTrend trend : clientTrends) {
            String clientId = trend.trend().questionnaireId();
            Optional<String> own = form(clientId, false);
            Optional<String> prediction = form(clientId, true);
            if (own.isEmpty() && prediction.isEmpty()) {
                continue;
            }
            Set<String> ids = new HashSet<>(Set.of(clientId));
            own.ifPresent(ids::add);
            prediction.ifPresent(ids::add);
            List<PerspectiveQueries.Rating> ratings = queries.ofPair(organizationId, pairId, ids);
            // Nothing but the client's own ratings: no side to set beside them.
            if (ratings.stream().allMatch(r -> r.questionnaireId().equals(clientId))) {
                continue;
            }
            result.add(sides(clientId, own.orElse(null), prediction.orElse(null), threshold(trend), ratings,
                    withheld));
        }
        return result;
    }

    /** The organization's accuracy and each therapist's, by therapist id. */
    public record Accuracy(String predictionId, PerspectiveGap.Summary organization,
            Map<UUID, PerspectiveGap.Summary> byTherapist) {
    }

    /**
     * Accuracy on a client instrument over sessions from {@code from} (inclusive) to {@code to} (exclusive), of the
     * organization and of each therapist with a session that has both ratings; empty when the instrument has no
     * prediction form.
     */
    @Transactional
    public Optional<Accuracy> accuracy(UUID organizationId, String clientId, Instant from, Instant to) {
        Optional<String> prediction = form(clientId, true);
        if (prediction.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Map<String, PerspectiveQueries.Rating>> bySession = new LinkedHashMap<>();
        for (PerspectiveQueries.Rating r : queries.ofOrganization(organizationId, Set.of(clientId, prediction.get()),
                from, to)) {
            bySession.computeIfAbsent(r.sessionId(), s -> new LinkedHashMap<>()).put(r.questionnaireId(), r);
        }
        Map<UUID, List<Double>> byPair = new LinkedHashMap<>();
        Map<UUID, UUID> therapistOfPair = new LinkedHashMap<>();
        for (Map<String, PerspectiveQueries.Rating> session : bySession.values()) {
            PerspectiveQueries.Rating actual = session.get(clientId);
            PerspectiveQueries.Rating predicted = session.get(prediction.get());
            if (actual != null && predicted != null && actual.total() != null && predicted.total() != null) {
                byPair.computeIfAbsent(actual.pairId(), p -> new ArrayList<>())
                        .add(predicted.total() - actual.total());
                therapistOfPair.put(actual.pairId(), actual.therapistId());
            }
        }
        Map<UUID, List<PerspectiveGap.PairGaps>> byTherapist = new LinkedHashMap<>();
        byPair.forEach((pair, gaps) -> byTherapist
                .computeIfAbsent(therapistOfPair.get(pair), t -> new ArrayList<>())
                .add(new PerspectiveGap.PairGaps(pair, gaps)));
        Map<UUID, PerspectiveGap.Summary> summaries = new LinkedHashMap<>();
        byTherapist.forEach((therapist, pairs) -> summaries.put(therapist, PerspectiveGap.summarize(pairs)));
        return Optional.of(new Accuracy(prediction.get(), PerspectiveGap.summarize(byPair.entrySet().stream()
                .map(e -> new PerspectiveGap.PairGaps(e.getKey(), e.getValue())).toList()), summaries));
    }

    /**
     * When the second of a session's prediction and client rating is stored, a gap of at least the threshold is
     * sent as a {@code perspective-gap} event, in the same transaction. The payload names ids only, like every
     * event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onResponse(@Observes ResponseRecorded recorded) {
        Optional<QuestionnaireDefinition> d = catalog.latest(recorded.questionnaireId());
        if (d.isEmpty()) {
            return;
        }
        String clientId = d.get().perspective() == null ? d.get().id() : d.get().perspective().of();
        Optional<String> prediction = form(clientId, true);
        if (prediction.isEmpty() || d.get().perspective() != null && !d.get().perspective().prediction()) {
            return;
        }
        Map<String, PerspectiveQueries.SessionTotal> session = new LinkedHashMap<>();
        queries.totalsOfSession(recorded.organizationId(), recorded.pairId(), recorded.sessionId(),
                Set.of(clientId, prediction.get())).forEach(r -> session.put(r.questionnaireId(), r));
        PerspectiveQueries.SessionTotal actual = session.get(clientId);
        PerspectiveQueries.SessionTotal predicted = session.get(prediction.get());
        if (actual == null || predicted == null) {
            return;
        }
        Double threshold = trends.compute(recorded.organizationId(), recorded.pairId(), clientId).stream()
                .findFirst().map(PerspectiveService::threshold).orElse(null);
        if (!PerspectiveGap.isEvent(predicted.total() - actual.total(), threshold)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", recorded.sessionId());
        data.put("questionnaireId", clientId);
        data.put("responseId", actual.responseId());
        data.put("predictionResponseId", predicted.responseId());
        outbox.enqueue(recorded.organizationId(), recorded.pairId(), EventTypes.PERSPECTIVE_GAP, data);
    }

    private PairSides sides(String clientId, String ownId, String predictionId, Double threshold,
            List<PerspectiveQueries.Rating> ratings, Set<UUID> withheld) {
        Map<Integer, Map<String, PerspectiveQueries.Rating>> bySession = new TreeMap<>();
        for (PerspectiveQueries.Rating r : ratings) {
            if (r.questionnaireId().equals(clientId) && withheld.contains(r.sessionId())) {
                continue;
            }
            bySession.computeIfAbsent(r.sessionNumber(), n -> new LinkedHashMap<>()).put(r.questionnaireId(), r);
        }
        List<SessionSides> sessions = new ArrayList<>();
        Integer latest = null;
        List<PerspectiveGap.Gap> latestGaps = List.of();
        for (Map.Entry<Integer, Map<String, PerspectiveQueries.Rating>> e : bySession.entrySet()) {
            PerspectiveQueries.Rating client = e.getValue().get(clientId);
            PerspectiveQueries.Rating own = ownId == null ? null : e.getValue().get(ownId);
            PerspectiveQueries.Rating predicted = predictionId == null ? null : e.getValue().get(predictionId);
            Double gap = null;
            if (client != null && predicted != null) {
                List<PerspectiveGap.Gap> gaps = PerspectiveGap.between(predicted.scales(), client.scales());
                gap = gaps.stream().filter(g -> g.scale().equals(PerspectiveGap.TOTAL)).findFirst()
                        .map(PerspectiveGap.Gap::signed).orElse(null);
                latest = e.getKey();
                latestGaps = gaps;
            }
            PerspectiveQueries.Rating any = e.getValue().values().iterator().next();
            boolean late = own != null && own.flags().contains(ResponseRecorder.LATE)
                    || predicted != null && predicted.flags().contains(ResponseRecorder.LATE);
            sessions.add(new SessionSides(e.getKey(), any.occurredAt(), client == null ? null : client.total(),
                    own == null ? null : own.total(), predicted == null ? null : predicted.total(), gap,
                    gap != null && PerspectiveGap.isEvent(gap, threshold), late));
        }
        return new PairSides(clientId, ownId, predictionId, threshold, sessions, latest, latestGaps);
    }

    /** The therapist's form predicting the client's rating of this client instrument, if the catalog has one. */
    public Optional<String> predictionOf(String clientId) {
        return form(clientId, true);
    }

    /** The id of the therapist's own ({@code prediction} false) or predicting form of a client instrument. */
    private Optional<String> form(String clientId, boolean prediction) {
        return catalog.perspectivesOf(clientId).stream().filter(d -> d.perspective().prediction() == prediction)
                .map(QuestionnaireDefinition::id).findFirst();
    }

    private static Double threshold(InstrumentTrend trend) {
        return trend.trend().reliableChange() == null ? null : trend.trend().reliableChange().threshold();
    }
}
