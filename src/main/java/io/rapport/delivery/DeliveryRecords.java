package io.rapport.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.panache.common.Sort;

/**
 * Assignments and stored responses as readers outside delivery see them (the FHIR facade's Task and
 * QuestionnaireResponse): read and searched within one organization, with each one's client, which care knows.
 */
@ApplicationScoped
public class DeliveryRecords {

    /** An assignment with the status a reader should see ({@link Assignment#effectiveStatus(Instant)}). */
    public record AssignmentRecord(UUID id, UUID sessionId, UUID clientId, String questionnaireId,
            String questionnaireVersion, Assignment.Status status, Instant expiresAt, Instant createdAt,
            Instant completedAt, UUID responseId, String rater) {
    }

    /** A stored response. {@code answers}: item id to the number as submitted (exact), or "na". */
    public record ResponseRecord(UUID id, UUID assignmentId, UUID sessionId, UUID clientId, String questionnaireId,
            String questionnaireVersion, Map<String, Object> answers, Instant submittedAt, String channel,
            String language) {
    }

    /** Null fields do not filter; {@code statuses} are effective statuses, empty for all. */
    public record AssignmentQuery(UUID clientId, UUID sessionId, Set<Assignment.Status> statuses) {
    }

    /**
     * Null fields do not filter. {@code submittedFrom} is inclusive, {@code submittedBefore} exclusive;
     * {@code questionnaireVersion} only with {@code questionnaireId}.
     */
    public record ResponseQuery(UUID clientId, String questionnaireId, String questionnaireVersion,
            Instant submittedFrom, Instant submittedBefore) {
    }

    /** One page of matches and the number of all. */
    public record Slice<T>(List<T> items, long total) {
    }

    private final AssignmentRepository assignments;
    private final ResponseRepository responses;
    private final SessionDirectory sessions;
    private final ObjectReader answersReader;

    public DeliveryRecords(AssignmentRepository assignments, ResponseRepository responses, SessionDirectory sessions,
            ObjectMapper json) {
        this.assignments = assignments;
        this.responses = responses;
        this.sessions = sessions;
        // Exact decimals, as the scorer read them: 7.5 stays 7.5, never a binary double.
        this.answersReader = json.readerFor(new TypeReference<Map<String, Object>>() {
        }).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Transactional
    public Optional<AssignmentRecord> assignment(UUID organizationId, UUID assignmentId) {
        return assignments.findInOrganization(organizationId, assignmentId)
                .map(a -> assignmentRecords(organizationId, List.of(a), Instant.now()).get(0));
    }

    @Transactional
    public Slice<AssignmentRecord> assignments(UUID organizationId, AssignmentQuery query, int offset, int count) {
        Instant now = Instant.now();
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.clientId() != null) {
            List<UUID> clientSessions = sessions.sessionsOfClient(organizationId, query.clientId());
            if (clientSessions.isEmpty()) {
                return new Slice<>(List.of(), 0);
            }
            conditions.add("sessionId in ?" + (params.size() + 2));
            params.add(clientSessions);
        }
        if (query.sessionId() != null) {
            conditions.add("sessionId = ?" + (params.size() + 2));
            params.add(query.sessionId());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Assignment.Status status : query.statuses()) {
                any.add(statusCondition(status, params, now));
            }
            conditions.add(String.join(" or ", any));
        }
        String condition = conditions.isEmpty() ? "1 = 1"
                : String.join(" and ", conditions.stream().map(c -> "(" + c + ")").toList());
        Object[] values = params.toArray();
        long total = assignments.countInOrganization(organizationId, condition, values);
        List<Assignment> page = offset >= total || count == 0 ? List.of()
                : assignments.queryInOrganization(organizationId, condition,
                        Sort.descending("createdAt").and("id", Sort.Direction.Descending), values)
                        .range(offset, offset + count - 1).list();
        return new Slice<>(assignmentRecords(organizationId, page, now), total);
    }

    /** The effective status as a condition on the stored one, adding its parameters to {@code params}. */
    private static String statusCondition(Assignment.Status status, List<Object> params, Instant now) {
        int n = params.size() + 2;
        return switch (status) {
            case open -> {
                params.add(Assignment.Status.open);
                params.add(now);
                yield "status = ?" + n + " and expiresAt > ?" + (n + 1);
            }
            case expired -> {
                params.add(Assignment.Status.expired);
                params.add(Assignment.Status.open);
                params.add(now);
                yield "status = ?" + n + " or (status = ?" + (n + 1) + " and expiresAt <= ?" + (n + 2) + ")";
            }
            default -> {
                params.add(status);
                yield "status = ?" + n;
            }
        };
    }

    private List<AssignmentRecord> assignmentRecords(UUID organizationId, List<Assignment> page, Instant now) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> clients = sessions.clientsOfSessions(organizationId,
                page.stream().map(a -> a.sessionId).distinct().toList());
        Map<UUID, UUID> responseIds = new LinkedHashMap<>();
        List<UUID> completed = page.stream().filter(a -> a.status == Assignment.Status.completed).map(a -> a.id)
                .toList();
        if (!completed.isEmpty()) {
            responses.listInOrganization(organizationId, "assignmentId in ?2", Sort.by("id"), completed)
                    .forEach(r -> responseIds.put(r.assignmentId, r.id));
        }
        return page.stream().map(a -> new AssignmentRecord(a.id, a.sessionId, clients.get(a.sessionId),
                a.questionnaireId, a.questionnaireVersion, a.effectiveStatus(now), a.expiresAt, a.createdAt,
                a.completedAt, responseIds.get(a.id), a.rater)).toList();
    }

    @Transactional
    public Optional<ResponseRecord> response(UUID organizationId, UUID responseId) {
        return responses.findInOrganization(organizationId, responseId)
                .map(r -> responseRecords(organizationId, List.of(r)).get(0));
    }

    @Transactional
    public Slice<ResponseRecord> responses(UUID organizationId, ResponseQuery query, int offset, int count) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.clientId() != null) {
            List<UUID> pairs = sessions.pairsOfClient(organizationId, query.clientId());
            if (pairs.isEmpty()) {
                return new Slice<>(List.of(), 0);
            }
            conditions.add("pairId in ?" + (params.size() + 2));
            params.add(pairs);
        }
        if (query.questionnaireId() != null) {
            conditions.add("questionnaireId = ?" + (params.size() + 2));
            params.add(query.questionnaireId());
            if (query.questionnaireVersion() != null) {
                conditions.add("questionnaireVersion = ?" + (params.size() + 2));
                params.add(query.questionnaireVersion());
            }
        }
        if (query.submittedFrom() != null) {
            conditions.add("submittedAt >= ?" + (params.size() + 2));
            params.add(query.submittedFrom());
        }
        if (query.submittedBefore() != null) {
            conditions.add("submittedAt < ?" + (params.size() + 2));
            params.add(query.submittedBefore());
        }
        String condition = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        Object[] values = params.toArray();
        long total = responses.countInOrganization(organizationId, condition, values);
        List<StoredResponse> page = offset >= total || count == 0 ? List.of()
                : responses.queryInOrganization(organizationId, condition,
                        Sort.descending("submittedAt").and("id", Sort.Direction.Descending), values)
                        .range(offset, offset + count - 1).list();
        return new Slice<>(responseRecords(organizationId, page), total);
    }

    private List<ResponseRecord> responseRecords(UUID organizationId, Collection<StoredResponse> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> clients = sessions.clientsOfSessions(organizationId,
                page.stream().map(r -> r.sessionId).distinct().toList());
        return page.stream().map(r -> new ResponseRecord(r.id, r.assignmentId, r.sessionId, clients.get(r.sessionId),
                r.questionnaireId, r.questionnaireVersion, answers(r), r.submittedAt, r.channel, r.language))
                .toList();
    }

    private Map<String, Object> answers(StoredResponse r) {
        try {
            return answersReader.readValue(r.answers);
        } catch (IOException e) {
            throw new IllegalStateException("Stored response " + r.id + " is not valid JSON", e);
        }
    }
}
