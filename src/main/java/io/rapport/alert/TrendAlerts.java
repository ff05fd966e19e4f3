package io.rapport.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.rapport.delivery.AssignmentsExpired;
import io.rapport.delivery.ResponseRecorded;
import io.rapport.trend.TrendEvent;
import io.rapport.trend.api.InstrumentTrend;
import io.rapport.trend.api.TrendService;

/**
 * Turns a pair's trend events into alerts and outbox events, in the transaction of the data that caused them.
 * Alerts are unique per pair, questionnaire, type and session, so recomputing the whole history raises only
 * what is new. Only events at or after the session the new data belongs to are raised: when the constants change
 * (new local norms, published constants), old sessions may gain events, and those are shown in the trend but must
 * not flood therapists and webhooks with alerts about the past.
 */
@ApplicationScoped
public class TrendAlerts {

    private final TrendService trends;
    private final Alerts alerts;
    private final Outbox outbox;

    public TrendAlerts(TrendService trends, Alerts alerts, Outbox outbox) {
        this.trends = trends;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onResponse(@Observes ResponseRecorded recorded) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("responseId", recorded.responseId());
        data.put("assignmentId", recorded.assignmentId());
        data.put("sessionId", recorded.sessionId());
        data.put("questionnaireId", recorded.questionnaireId());
        outbox.enqueue(recorded.organizationId(), recorded.pairId(), EventTypes.RESPONSE_COMPLETED, data);
        raise(recorded.organizationId(), recorded.pairId(), recorded.questionnaireId(), recorded.sessionNumber());
    }

    /** Expired links can raise no-response and close repair windows. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onExpiry(@Observes AssignmentsExpired expired) {
        raise(expired.organizationId(), expired.pairId(), expired.fromSessionNumber());
    }

    /** Raises every event at or after {@code fromSession} of the pair's current trends not raised yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(UUID organizationId, UUID pairId, int fromSession) {
        raise(organizationId, pairId, null, fromSession);
    }

    private void raise(UUID organizationId, UUID pairId, String onlyQuestionnaireId, int fromSession) {
        outbox.lockPair(organizationId, pairId);
        Set<String> raised = null;
        for (InstrumentTrend trend : trends.compute(organizationId, pairId, onlyQuestionnaireId)) {
            String questionnaireId = trend.trend().questionnaireId();
            List<TrendEvent> events = new ArrayList<>(trend.trend().events());
            if (trend.splitAlliance() != null) {
                events.addAll(trend.splitAlliance().events());
            }
            for (TrendEvent event : events) {
                if (event.sessionNumber() < fromSession) {
                    continue;
                }
                // Read once, and only when there is something to raise: most submissions raise nothing, and the
                // whole history is recomputed, so one read spares a statement per old event.
                if (raised == null) {
                    raised = alerts.raisedKeys(organizationId, pairId);
                }
                if (!raised.contains(Alerts.key(questionnaireId, event.type(), event.sessionNumber()))) {
                    alerts.raise(organizationId, pairId, questionnaireId, event);
                }
            }
        }
    }
}
