package io.rapport.norms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.delivery.ScoredResponses;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.scoring.InvalidAnswersException;
import io.rapport.scoring.ScoringEngine;
import io.rapport.trend.LocalNorms;

/**
 * Recomputes local norms off the request path: on a schedule, one transaction per instrument version, reading
 * committed responses only, so it never blocks or fails a submission. A version whose computation fails keeps its
 * previous norms, and the job logs why.
 */
@ApplicationScoped
public class NormsJob {

    private static final Logger LOG = Logger.getLogger(NormsJob.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ScoredResponses responses;
    private final LocalNormRepository norms;
    private final QuestionnaireCatalog catalog;
    private final ObjectMapper json;
    private final ScoringEngine scoring = new ScoringEngine();

    public NormsJob(ScoredResponses responses, LocalNormRepository norms, QuestionnaireCatalog catalog,
            ObjectMapper json) {
        this.responses = responses;
        this.norms = norms;
        this.catalog = catalog;
        this.json = json;
    }

    @Scheduled(identity = "local-norms", every = "${rapport.norms.interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (UUID organizationId : responses.organizations()) {
            computeNow(organizationId);
        }
    }

    /** Recomputes the organization's norms now; returns how many instrument versions failed. */
    public int computeNow(UUID organizationId) {
        int failed = 0;
        for (ScoredResponses.Version version : responses.versions(organizationId)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> compute(organizationId, version));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf(e, "Local norms of %s@%s for organization %s were not recomputed; the previous ones stay",
                        version.questionnaireId(), version.version(), organizationId);
            }
        }
        return failed;
    }

    /** Recomputes the organization's norms inside the caller's transaction (the demo seeder's), failing with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void computeInCurrentTransaction(UUID organizationId) {
        responses.versions(organizationId).forEach(version -> compute(organizationId, version));
    }

    private void compute(UUID organizationId, ScoredResponses.Version version) {
        QuestionnaireDefinition d = catalog.get(version.questionnaireId(), version.version()).orElse(null);
        if (d == null) {
            LOG.warnf("%s@%s has responses but is not in the catalog; no local norms", version.questionnaireId(),
                    version.version());
            return;
        }
        List<String> scales = new ArrayList<>();
        scales.add(QuestionnaireDefinition.TOTAL);
        scales.addAll(d.subscales().keySet());
        // One pair's observations at a time; the accumulators keep sums, never the organization's responses.
        Map<String, LocalNorms.Accumulator> byScale = new LinkedHashMap<>();
        Map<String, List<LocalNorms.Observation>> pair = new LinkedHashMap<>();
        scales.forEach(s -> {
            byScale.put(s, new LocalNorms.Accumulator(d.scaleStep(s)));
            pair.put(s, new ArrayList<>());
        });
        UUID[] currentPair = { null };
        responses.forEachInSessionOrder(organizationId, version, row -> {
            if (!row.pairId().equals(currentPair[0])) {
                flush(byScale, pair);
                currentPair[0] = row.pairId();
            }
            Map<String, BigDecimal> keyed = keyed(d, row.answersJson());
            Map<String, Double> scores = scores(row.scoreJson());
            for (String scale : scales) {
                Double score = scores.get(scale);
                if (score != null) {
                    pair.get(scale).add(new LocalNorms.Observation(score, items(keyed, d.scaleItems(scale))));
                }
            }
        });
        flush(byScale, pair);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<LocalNorm> result = new ArrayList<>();
        byScale.forEach((scale, accumulator) -> result.add(LocalNorm.of(d.id(), d.version(), scale, now,
                accumulator.estimate())));
        norms.replace(organizationId, d.id(), d.version(), result);
    }

    private static void flush(Map<String, LocalNorms.Accumulator> byScale,
            Map<String, List<LocalNorms.Observation>> pair) {
        pair.forEach((scale, observations) -> {
            byScale.get(scale).add(List.copyOf(observations));
            observations.clear();
        });
    }

    /** The scale's reverse-keyed items, or null when one is missing (alpha uses complete responses only). */
    private static double[] items(Map<String, BigDecimal> keyed, List<String> members) {
        if (keyed == null || members.size() < 2) {
            return null;
        }
        double[] values = new double[members.size()];
        for (int i = 0; i < values.length; i++) {
            BigDecimal v = keyed.get(members.get(i));
            if (v == null) {
                return null;
            }
            values[i] = v.doubleValue();
        }
        return values;
    }

    private Map<String, BigDecimal> keyed(QuestionnaireDefinition d, String answersJson) {
        try {
            return scoring.keyedItems(d, json.readValue(answersJson, MAP));
        } catch (JsonProcessingException | InvalidAnswersException e) {
            return null;
        }
    }

    private Map<String, Double> scores(String scoreJson) {
        try {
            JsonNode score = json.readTree(scoreJson);
            Map<String, Double> result = new LinkedHashMap<>();
            if (score.path("total").isNumber()) {
                result.put(QuestionnaireDefinition.TOTAL, score.get("total").doubleValue());
            }
            score.path("subscales").fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    result.put(e.getKey(), e.getValue().doubleValue());
                }
            });
            return result;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored score is not valid JSON", e);
        }
    }
}
