package io.rapport.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.rapport.common.error.ApiException;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.trend.EventType;
import io.rapport.trend.TrendEvent;

/** Raises alerts from trend events and lets clinicians list and acknowledge them. */
@ApplicationScoped
public class Alerts {

    /** The trend event types that become alerts; the outbox type is {@code alert.<type>}. */
    public static final Set<String> TYPES = Arrays.stream(EventType.values()).map(EventType::code)
            .collect(Collectors.toUnmodifiableSet());

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final AlertRepository alerts;
    private final Outbox outbox;
    private final ObjectMapper json;

    public Alerts(EntityManager em, AlertRepository alerts, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.alerts = alerts;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Records an alert unless the same one (pair, questionnaire, type, session) exists, and only then enqueues
     * its {@code alert.<type>} event, so recomputing trends after every submission is safe.
     *
     * @param detail the figures behind the alert; kept in the alert, never put into the webhook payload
     * @return the new alert's id, or empty when it had been raised before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(UUID organizationId, UUID pairId, String questionnaireId, String type,
            int sessionNumber, Map<String, Object> detail) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown alert type " + type);
        }
        outbox.lockPair(organizationId, pairId);
        UUID id = UUID.randomUUID();
        List<?> inserted = em.createNativeQuery("insert into alert (id, organization_id, pair_id, questionnaire_id,"
                + " type, session_number, detail) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))"
                + " on conflict (pair_id, questionnaire_id, type, session_number) do nothing returning id")
                .setParameter(1, id).setParameter(2, organizationId).setParameter(3, pairId)
                .setParameter(4, questionnaireId).setParameter(5, type).setParameter(6, sessionNumber)
                .setParameter(7, toJson(detail == null ? Map.of() : detail))
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", id);
        data.put("questionnaireId", questionnaireId);
        data.put("sessionNumber", sessionNumber);
        outbox.enqueue(organizationId, pairId, EventTypes.ALERT_PREFIX + type, data);
        return Optional.of(id);
    }

    /** What identifies an alert: a second one with the same key is never raised. */
    static String key(String questionnaireId, String type, int sessionNumber) {
        return questionnaireId + "|" + type + "|" + sessionNumber;
    }

    /** The {@link #key keys} of every alert raised for the pair so far. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> raisedKeys(UUID organizationId, UUID pairId) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("select questionnaire_id, type, session_number"
                + " from alert where organization_id = :org and pair_id = :pair", Tuple.class)
                .setParameter("org", organizationId).setParameter("pair", pairId));
        Set<String> keys = new HashSet<>();
        for (Tuple r : rows) {
            keys.add(key(r.get("questionnaire_id", String.class), r.get("type", String.class),
                    NativeColumns.number(r, "session_number").intValue()));
        }
        return keys;
    }

    /** {@link #raise(UUID, UUID, String, String, int, Map)} for an event of the trend engine. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(UUID organizationId, UUID pairId, String questionnaireId, TrendEvent event) {
        return raise(organizationId, pairId, questionnaireId, event.type(), event.sessionNumber(), event.detail());
    }

    @Transactional
    public Page<AlertView> list(UUID organizationId, String pairId, String status, Page.Request paging) {
        String wanted = status == null || status.isEmpty() ? Alert.OPEN : status;
        if (!Alert.OPEN.equals(wanted) && !Alert.ACKNOWLEDGED.equals(wanted)) {
            throw ApiException.invalid("status", "must be open or acknowledged");
        }
        StringBuilder query = new StringBuilder("status = ?2");
        List<Object> params = new ArrayList<>(List.of(wanted));
        if (pairId != null && !pairId.isEmpty()) {
            query.append(" and pairId = ?3");
            params.add(Ids.tryParse(pairId)
                    .orElseThrow(() -> ApiException.invalid("pairId", "must be a pair id (UUID)")));
        }
        PanacheQuery<Alert> found = alerts.queryInOrganization(organizationId, query.toString(),
                Sort.descending("createdAt", "id"), params.toArray()).page(paging.page(), paging.size());
        List<AlertView> items = found.list().stream().map(this::view).toList();
        return new Page<>(items, paging.page(), paging.size(), found.count());
    }

    /** Acknowledging again changes nothing and returns the first acknowledgement. */
    @Transactional
    public AlertView acknowledge(UUID organizationId, UUID alertId, String principal) {
        Alert alert = alerts.lockInOrganization(organizationId, alertId)
                .orElseThrow(() -> ApiException.notFound("Alert"));
        if (Alert.OPEN.equals(alert.status)) {
            alert.status = Alert.ACKNOWLEDGED;
            alert.acknowledgedBy = principal;
            // The database keeps microseconds; the first answer must equal every later one.
            alert.acknowledgedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return view(alert);
    }

    private AlertView view(Alert a) {
        Map<String, Object> detail = fromJson(a.detail);
        Object explanation = detail.get("explanation");
        return new AlertView(a.id, a.pairId, a.questionnaireId, a.type, a.sessionNumber,
                explanation == null ? null : explanation.toString(), detail,
                a.status, a.createdAt, a.acknowledgedBy, a.acknowledgedAt);
    }

    private String toJson(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert detail must be serializable to JSON", e);
        }
    }

    private Map<String, Object> fromJson(String detail) {
        try {
            return detail == null ? Map.of() : json.readValue(detail, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert detail in the database is not JSON", e);
        }
    }
}
