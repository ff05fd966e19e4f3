package io.rapport.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /** The longest acknowledgement note, in characters. */
    public static final int MAX_NOTE = 500;

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

    /** What a pair has been alerted about, one row per alert. */
    static final String RAISED_KEYS = "select questionnaire_id, type, session_number from alert"
            + " where organization_id = :org and pair_id = :pair";

    /** The {@link #key keys} of every alert raised for the pair so far. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> raisedKeys(UUID organizationId, UUID pairId) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery(RAISED_KEYS, Tuple.class)
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

    /**
     * Which alerts to list. {@code pairs} limits the list to those pairs (a therapist's), null meaning the whole
     * organization; {@code pairId} and {@code type} are optional filters; {@code status} is open or acknowledged.
     */
    public record Filter(Collection<UUID> pairs, UUID pairId, String type, String status) {
    }

    /** For the API: checks each parameter and names the one that is wrong. */
    @Transactional
    public Page<AlertView> list(UUID organizationId, String pairId, String type, String status,
            Page.Request paging) {
        UUID pair = null;
        if (pairId != null && !pairId.isEmpty()) {
            pair = Ids.tryParse(pairId).orElseThrow(() -> ApiException.invalid("pairId", "must be a pair id (UUID)"));
        }
        return find(organizationId, new Filter(null, pair, checkedType(type), checkedStatus(status)), paging);
    }

    /** Newest first. */
    @Transactional
    public Page<AlertView> find(UUID organizationId, Filter filter, Page.Request paging) {
        if (filter.pairs() != null && filter.pairs().isEmpty()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        StringBuilder query = new StringBuilder("status = ?2");
        List<Object> params = new ArrayList<>(List.of(checkedStatus(filter.status())));
        if (filter.pairs() != null) {
            params.add(filter.pairs());
            query.append(" and pairId in ?").append(params.size() + 1);
        }
        if (filter.pairId() != null) {
            params.add(filter.pairId());
            query.append(" and pairId = ?").append(params.size() + 1);
        }
        if (filter.type() != null) {
            params.add(checkedType(filter.type()));
            query.append(" and type = ?").append(params.size() + 1);
        }
        PanacheQuery<Alert> found = alerts.queryInOrganization(organizationId, query.toString(),
                Sort.descending("createdAt", "id"), params.toArray()).page(paging.page(), paging.size());
        List<AlertView> items = found.list().stream().map(this::view).toList();
        return new Page<>(items, paging.page(), paging.size(), found.count());
    }

    /** Open alerts of these pairs, or of the whole organization when {@code pairs} is null. */
    @Transactional
    public long countOpen(UUID organizationId, Collection<UUID> pairs) {
        if (pairs == null) {
            return alerts.countInOrganization(organizationId, "status = ?2", Alert.OPEN);
        }
        return pairs.isEmpty() ? 0
                : alerts.countInOrganization(organizationId, "status = ?2 and pairId in ?3", Alert.OPEN, pairs);
    }

    /** The pairs, among {@code pairs} (null: all), that have alerts in this status. */
    @Transactional
    public Set<UUID> pairsWith(UUID organizationId, Collection<UUID> pairs, String status) {
        if (pairs != null && pairs.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(alerts.pairsWith(organizationId, pairs, checkedStatus(status)));
    }

    /** One page of alerts and the number of all. */
    public record Slice(List<AlertView> items, long total) {
    }

    /** The alerts of these pairs in either status, newest first, one page cut in SQL (the FHIR Flags). */
    @Transactional
    public Slice ofPairs(UUID organizationId, Collection<UUID> pairs, int offset, int count) {
        if (pairs.isEmpty()) {
            return new Slice(List.of(), 0);
        }
        long total = alerts.countInOrganization(organizationId, "pairId in ?2", pairs);
        if (count == 0 || offset >= total) {
            return new Slice(List.of(), total);
        }
        List<AlertView> items = alerts.queryInOrganization(organizationId, "pairId in ?2",
                Sort.descending("createdAt", "id"), pairs).range(offset, offset + count - 1).list().stream()
                .map(this::view).toList();
        return new Slice(items, total);
    }

    @Transactional
    public Optional<AlertView> get(UUID organizationId, UUID alertId) {
        return alerts.findInOrganization(organizationId, alertId).map(this::view);
    }

    /**
     * Acknowledging again changes nothing and returns the first acknowledgement, note included.
     *
     * @param note optional; blank counts as none
     * @throws ApiException 400 naming {@code note} when it is longer than {@link #MAX_NOTE} characters
     */
    @Transactional
    public AlertView acknowledge(UUID organizationId, UUID alertId, String principal, String note) {
        Optional<String> problem = noteProblem(note);
        if (problem.isPresent()) {
            throw ApiException.invalid("note", problem.get());
        }
        String checked = note == null || note.isBlank() ? null : note.strip();
        Alert alert = alerts.lockInOrganization(organizationId, alertId)
                .orElseThrow(() -> ApiException.notFound("Alert"));
        if (Alert.OPEN.equals(alert.status)) {
            alert.status = Alert.ACKNOWLEDGED;
            alert.acknowledgedBy = principal;
            // The database keeps microseconds; the first answer must equal every later one.
            alert.acknowledgedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            alert.acknowledgementNote = checked;
        }
        return view(alert);
    }

    /** What is wrong with a note, if anything, for pages that check before they call. */
    public static Optional<String> noteProblem(String note) {
        return note != null && note.strip().length() > MAX_NOTE
                ? Optional.of("must be at most " + MAX_NOTE + " characters")
                : Optional.empty();
    }

    private static String checkedStatus(String status) {
        String wanted = status == null || status.isEmpty() ? Alert.OPEN : status;
        if (!Alert.OPEN.equals(wanted) && !Alert.ACKNOWLEDGED.equals(wanted)) {
            throw ApiException.invalid("status", "must be open or acknowledged");
        }
        return wanted;
    }

    private static String checkedType(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        if (!TYPES.contains(type)) {
            throw ApiException.invalid("type", "must be one of " + String.join(", ", new TreeSet<>(TYPES)));
        }
        return type;
    }

    private AlertView view(Alert a) {
        Map<String, Object> detail = fromJson(a.detail);
        Object explanation = detail.get("explanation");
        return new AlertView(a.id, a.pairId, a.questionnaireId, a.type, a.sessionNumber,
                explanation == null ? null : explanation.toString(), detail,
                a.status, a.createdAt, a.acknowledgedBy, a.acknowledgedAt, a.acknowledgementNote);
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
