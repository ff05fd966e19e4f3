package io.rapport.care;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.delivery.AssignmentIssuer;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.AssignmentView;
import io.rapport.security.Secrets;

/**
 * Creates sessions for EHR systems. A retried request, by {@code Idempotency-Key} or by encounter id, returns
 * the session the first one created; transaction-scoped advisory locks make two simultaneous copies of one
 * request wait for each other instead of both creating.
 */
@ApplicationScoped
public class SessionService {

    private final TherapistRepository therapists;
    private final ClientRepository clients;
    private final PairRepository pairs;
    private final TherapySessionRepository sessions;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final OrganizationRepository organizations;
    private final AssignmentIssuer issuer;
    private final AssignmentRepository assignments;
    private final EntityManager em;

    public SessionService(TherapistRepository therapists, ClientRepository clients, PairRepository pairs,
            TherapySessionRepository sessions, IdempotencyKeyRepository idempotencyKeys,
            OrganizationRepository organizations, AssignmentIssuer issuer, AssignmentRepository assignments,
            EntityManager em) {
        this.therapists = therapists;
        this.clients = clients;
        this.pairs = pairs;
        this.sessions = sessions;
        this.idempotencyKeys = idempotencyKeys;
        this.organizations = organizations;
        this.issuer = issuer;
        this.assignments = assignments;
        this.em = em;
    }

    /** The session, and whether this call created it or replayed an earlier result. */
    public record Created(SessionView session, boolean replayed) {
    }

    @Transactional
    public Created create(UUID organizationId, SessionRequest request, String idempotencyKey) {
        String requestHash = hash(request);
        if (idempotencyKey != null) {
            lock("idempotency", organizationId, idempotencyKey);
            var existing = idempotencyKeys.findByIdOptional(new IdempotencyKey.Key(organizationId, idempotencyKey));
            if (existing.isPresent()) {
                if (!existing.get().requestHash.equals(requestHash)) {
                    throw ApiException.unprocessable("Idempotency-Key",
                            "was already used with a different request body");
                }
                return new Created(view(organizationId, existing.get().sessionId), true);
            }
        }
        if (request.encounterId() != null) {
            lock("encounter", organizationId, request.encounterId());
            List<TherapySession> earlier = sessions.byEncounter(organizationId, request.encounterId());
            if (!earlier.isEmpty()) {
                TherapySession first = earlier.get(0);
                Pair pair = pairs.findInOrganization(organizationId, first.pairId).orElseThrow();
                if (!sameRequest(pair, first, request)) {
                    throw ApiException.conflict("encounter-conflict", "encounterId",
                            "already belongs to a session with other details");
                }
                remember(organizationId, idempotencyKey, requestHash, first.id);
                return new Created(view(organizationId, first.id), true);
            }
        }
        UUID therapistId = therapists.ensure(organizationId, request.therapistId());
        UUID clientId = clients.ensure(organizationId, request.clientId());
        Pair pair = pairs.lock(pairs.ensure(organizationId, clientId, therapistId));
        int number;
        if (request.sessionNumber() != null) {
            number = request.sessionNumber();
            if (sessions.numberTaken(pair.id, number)) {
                throw ApiException.conflict("session-number-taken", "sessionNumber",
                        "this pair already has a session " + number);
            }
        } else {
            number = sessions.maxSessionNumber(organizationId, pair.id) + 1;
        }
        TherapySession session = new TherapySession();
        session.id = UUID.randomUUID();
        session.organizationId = organizationId;
        session.pairId = pair.id;
        session.sessionNumber = number;
        session.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        session.encounterId = request.encounterId();
        session.createdAt = Instant.now();
        sessions.persist(session);
        Duration ttl = Duration.ofHours(organizations.findById(organizationId).linkTtlHours);
        List<AssignmentView> issued = issuer.issue(organizationId, session.id, number, ttl);
        remember(organizationId, idempotencyKey, requestHash, session.id);
        return new Created(new SessionView(session.id, pair.id, number, session.occurredAt, session.encounterId,
                issued), false);
    }

    @Transactional
    public SessionView view(UUID organizationId, UUID sessionId) {
        TherapySession s = sessions.findInOrganization(organizationId, sessionId)
                .orElseThrow(() -> ApiException.notFound("Session"));
        Instant now = Instant.now();
        List<AssignmentView> views = assignments.forSessions(organizationId, List.of(s.id)).stream()
                .map(a -> AssignmentView.of(a, null, now)).toList();
        return new SessionView(s.id, s.pairId, s.sessionNumber, s.occurredAt, s.encounterId, views);
    }

    private boolean sameRequest(Pair pair, TherapySession session, SessionRequest request) {
        String clientExternal = clients.findInOrganization(pair.organizationId, pair.clientId).orElseThrow().externalId;
        String therapistExternal = therapists.findInOrganization(pair.organizationId, pair.therapistId)
                .orElseThrow().externalId;
        return clientExternal.equals(request.clientId()) && therapistExternal.equals(request.therapistId())
                && session.occurredAt.equals(request.occurredAt().truncatedTo(ChronoUnit.MICROS))
                && (request.sessionNumber() == null || request.sessionNumber() == session.sessionNumber);
    }

    private void remember(UUID organizationId, String key, String requestHash, UUID sessionId) {
        if (key == null) {
            return;
        }
        IdempotencyKey record = new IdempotencyKey();
        record.key = new IdempotencyKey.Key(organizationId, key);
        record.requestHash = requestHash;
        record.sessionId = sessionId;
        record.createdAt = Instant.now();
        idempotencyKeys.persist(record);
    }

    private void lock(String kind, UUID organizationId, String value) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .setParameter(1, kind + ':' + organizationId + ':' + value)
                .getSingleResult();
    }

    /** The request's content, field by field, so that a replay with another body is recognised. */
    static String hash(SessionRequest r) {
        String canonical = String.join("\u0000", r.clientId(), r.therapistId(),
                r.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), Objects.toString(r.encounterId(), ""),
                Objects.toString(r.sessionNumber(), ""));
        return HexFormat.of().formatHex(Secrets.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
