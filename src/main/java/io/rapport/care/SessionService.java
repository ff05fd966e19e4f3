package io.rapport.care;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.delivery.AssignmentIssuer;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.AssignmentView;
import io.rapport.security.Secrets;
import io.rapport.tenancy.OrganizationRepository;

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

    /**
     * What was created: a {@link SessionView}, or a {@link JointSessionView} for several clients; and whether this
     * call created it or replayed an earlier result.
     */
    public record Created(Object body, UUID pairId, boolean replayed) {
    }

    @Transactional
    public Created create(UUID organizationId, SessionRequest request, String idempotencyKey) {
        return create(organizationId, request, idempotencyKey, List.of());
    }

    /**
     * As {@link #create(UUID, SessionRequest, String)}, and adds {@code tags} (checked by the caller against
     * {@link TherapistRequest#TAG}) to the own tags of each pair a new session is created for; a replay adds
     * none. Removing them is left to {@link PairService#putTags}.
     */
    @Transactional
    public Created create(UUID organizationId, SessionRequest request, String idempotencyKey, List<String> tags) {
        if (request.clientId() == null == (request.clientIds() == null)) {
            throw ApiException.unprocessable("clientId", "give either clientId or clientIds, not both");
        }
        if (request.joint() && request.clientIds().stream().distinct().count() != request.clientIds().size()) {
            throw ApiException.unprocessable("clientIds", "must not name a client twice");
        }
        String requestHash = hash(request);
        if (idempotencyKey != null) {
            lock("idempotency", organizationId, idempotencyKey);
            var existing = idempotencyKeys.findByIdOptional(new IdempotencyKey.Key(organizationId, idempotencyKey));
            if (existing.isPresent()) {
                if (!existing.get().requestHash.equals(requestHash)) {
                    throw ApiException.unprocessable("Idempotency-Key",
                            "was already used with a different request body");
                }
                return replay(organizationId, existing.get().sessionId);
            }
        }
        if (request.encounterId() != null) {
            lock("encounter", organizationId, request.encounterId());
            List<TherapySession> earlier = sessions.byEncounter(organizationId, request.encounterId());
            if (!earlier.isEmpty()) {
                if (!sameRequest(organizationId, earlier, request)) {
                    throw ApiException.conflict("encounter-conflict", "encounterId",
                            "already belongs to a session with other details");
                }
                remember(organizationId, idempotencyKey, requestHash, earlier.get(0).id);
                return replay(organizationId, earlier.get(0).id);
            }
        }
        UUID therapistId = therapists.ensure(organizationId, request.therapistId());
        UUID groupId = request.joint() ? UUID.randomUUID() : null;
        Duration ttl = Duration.ofHours(organizations.findById(organizationId).linkTtlHours);
        List<SessionView> created = new ArrayList<>();
        for (String client : request.clients()) {
            Pair pair = pairs.lock(pairs.ensure(organizationId, clients.ensure(organizationId, client), therapistId));
            addTags(pair, tags);
            created.add(createOne(organizationId, pair, request, groupId, ttl));
        }
        remember(organizationId, idempotencyKey, requestHash, created.get(0).id());
        Object body = request.joint() ? new JointSessionView(groupId, created) : created.get(0);
        return new Created(body, created.get(0).pairId(), false);
    }

    /** The union with the pair's own tags; past {@link TherapistRequest#MAX_TAGS} the whole request is refused. */
    private static void addTags(Pair pair, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        String[] union = Stream.concat(Arrays.stream(pair.tags), tags.stream()).distinct().sorted()
                .toArray(String[]::new);
        if (union.length > TherapistRequest.MAX_TAGS) {
            throw ApiException.unprocessable("tags",
                    "a pair has at most " + TherapistRequest.MAX_TAGS + " program tags of its own");
        }
        pair.tags = union;
    }

    private SessionView createOne(UUID organizationId, Pair pair, SessionRequest request, UUID groupId,
            Duration ttl) {
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
        session.groupId = groupId;
        session.createdAt = Instant.now();
        sessions.persist(session);
        List<AssignmentView> issued = issuer.issue(organizationId, session.id, number, ttl);
        return new SessionView(session.id, pair.id, number, session.occurredAt, session.encounterId, issued);
    }

    /** The earlier result, as it stands now; form links are not shown again. */
    private Created replay(UUID organizationId, UUID firstSessionId) {
        TherapySession first = sessions.findInOrganization(organizationId, firstSessionId).orElseThrow();
        if (first.groupId == null) {
            return new Created(view(organizationId, first.id), first.pairId, true);
        }
        List<SessionView> group = stored(organizationId, sessions.inGroup(organizationId, first.groupId));
        return new Created(new JointSessionView(first.groupId, group), first.pairId, true);
    }

    /**
     * A session by its id, or a joint session by its group's id; empty when the organization has neither. One
     * client's part of a joint session, read by its own id, names its group.
     */
    @Transactional
    public Optional<HeldSession> held(UUID organizationId, UUID id) {
        Optional<TherapySession> one = sessions.findInOrganization(organizationId, id);
        List<TherapySession> members = one.map(List::of).orElseGet(() -> sessions.inGroup(organizationId, id));
        if (members.isEmpty()) {
            return Optional.empty();
        }
        TherapySession first = members.get(0);
        List<Pair> seen = members.stream()
                .map(s -> pairs.findInOrganization(organizationId, s.pairId).orElseThrow()).toList();
        UUID therapistId = seen.get(0).therapistId;
        List<String> tags = Stream.concat(seen.stream().flatMap(p -> Arrays.stream(p.tags)),
                Arrays.stream(therapists.findInOrganization(organizationId, therapistId).orElseThrow().tags))
                .distinct().sorted().toList();
        return Optional.of(new HeldSession(id, first.encounterId, first.occurredAt, therapistId,
                seen.stream().map(p -> p.clientId).toList(), one.isEmpty(), one.map(s -> s.groupId).orElse(null),
                tags));
    }

    private SessionView view(UUID organizationId, UUID sessionId) {
        TherapySession s = sessions.findInOrganization(organizationId, sessionId)
                .orElseThrow(() -> ApiException.notFound("Session"));
        return stored(organizationId, List.of(s)).get(0);
    }

    private List<SessionView> stored(UUID organizationId, List<TherapySession> stored) {
        return SessionView.stored(stored,
                assignments.forSessions(organizationId, stored.stream().map(s -> s.id).toList()), Instant.now());
    }

    /** Whether a request repeats the one that created these sessions of its encounter. */
    private boolean sameRequest(UUID organizationId, List<TherapySession> earlier, SessionRequest request) {
        Set<String> earlierClients = new HashSet<>();
        for (TherapySession session : earlier) {
            Pair pair = pairs.findInOrganization(organizationId, session.pairId).orElseThrow();
            if (!therapists.findInOrganization(organizationId, pair.therapistId).orElseThrow().externalId
                    .equals(request.therapistId())
                    || !session.occurredAt.equals(request.occurredAt().truncatedTo(ChronoUnit.MICROS))
                    || request.sessionNumber() != null && request.sessionNumber() != session.sessionNumber
                    || (session.groupId != null) != request.joint()) {
                return false;
            }
            earlierClients.add(clients.findInOrganization(organizationId, pair.clientId).orElseThrow().externalId);
        }
        return earlierClients.equals(new HashSet<>(request.clients()));
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
        String canonical = String.join("\u0000", String.join(",", r.clients()), String.valueOf(r.joint()),
                r.therapistId(),
                r.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), Objects.toString(r.encounterId(), ""),
                Objects.toString(r.sessionNumber(), ""));
        return HexFormat.of().formatHex(Secrets.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
