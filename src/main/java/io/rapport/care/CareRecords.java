package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Sessions and pairs as readers outside care see them (the FHIR facade's Observation and Flag, the CDS Hooks
 * service): always within one organization.
 */
@ApplicationScoped
public class CareRecords {

    /** A session with its pair and the pair's client. */
    public record SessionRecord(UUID sessionId, UUID pairId, UUID clientId, int sessionNumber, Instant occurredAt) {
    }

    private final PairRepository pairs;
    private final TherapySessionRepository sessions;

    public CareRecords(PairRepository pairs, TherapySessionRepository sessions) {
        this.pairs = pairs;
        this.sessions = sessions;
    }

    /** Every session of every pair of the client, by pair and number; empty for another organization's client. */
    @Transactional
    public List<SessionRecord> sessionsOfClient(UUID organizationId, UUID clientId) {
        List<Pair> clientPairs = pairs.forClient(organizationId, clientId);
        return sessions.forPairs(organizationId, clientPairs.stream().map(p -> p.id).toList()).stream()
                .map(s -> new SessionRecord(s.id, s.pairId, clientId, s.sessionNumber, s.occurredAt)).toList();
    }

    /** The sessions of one pair, by number. */
    @Transactional
    public List<SessionRecord> sessionsOfPair(UUID organizationId, UUID pairId) {
        return pairs.findInOrganization(organizationId, pairId).map(p -> sessions.forPair(organizationId, p.id)
                .stream().map(s -> new SessionRecord(s.id, s.pairId, p.clientId, s.sessionNumber, s.occurredAt))
                .toList()).orElse(List.of());
    }

    @Transactional
    public Optional<SessionRecord> session(UUID organizationId, UUID sessionId) {
        return sessions.findInOrganization(organizationId, sessionId)
                .flatMap(s -> pairs.findInOrganization(organizationId, s.pairId).map(
                        p -> new SessionRecord(s.id, s.pairId, p.clientId, s.sessionNumber, s.occurredAt)));
    }

    /** The pairs of a client, oldest first. */
    @Transactional
    public List<UUID> pairsOfClient(UUID organizationId, UUID clientId) {
        return pairs.forClient(organizationId, clientId).stream().map(p -> p.id).toList();
    }

    /** The pair's client. */
    @Transactional
    public Optional<UUID> clientOfPair(UUID organizationId, UUID pairId) {
        return pairs.findInOrganization(organizationId, pairId).map(p -> p.clientId);
    }

    /** The pair of this client and therapist, if they have met. */
    @Transactional
    public Optional<UUID> pair(UUID organizationId, UUID clientId, UUID therapistId) {
        return pairs.findByMembers(organizationId, clientId, therapistId).map(p -> p.id);
    }
}
