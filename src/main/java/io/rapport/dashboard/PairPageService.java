package io.rapport.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.care.Client;
import io.rapport.care.ClientRepository;
import io.rapport.care.Pair;
import io.rapport.care.PairRepository;
import io.rapport.care.Therapist;
import io.rapport.care.TherapistRepository;
import io.rapport.care.TherapySession;
import io.rapport.care.TherapySessionRepository;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;

/** Reads one pair for its page, if the caller may see it. */
@ApplicationScoped
public class PairPageService {

    private final PairRepository pairs;
    private final ClientRepository clients;
    private final TherapistRepository therapists;
    private final TherapySessionRepository sessions;
    private final AssignmentRepository assignments;

    public PairPageService(PairRepository pairs, ClientRepository clients, TherapistRepository therapists,
            TherapySessionRepository sessions, AssignmentRepository assignments) {
        this.pairs = pairs;
        this.clients = clients;
        this.therapists = therapists;
        this.sessions = sessions;
        this.assignments = assignments;
    }

    /** Empty when the pair does not exist, belongs to another organization or to another therapist. */
    @Transactional
    public Optional<PairPage> pair(Visibility visibility, UUID pairId) {
        Optional<Pair> found = pairs.findInOrganization(visibility.organizationId(), pairId)
                .filter(p -> visibility.wholeOrganization() || p.therapistId.equals(visibility.therapistId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pair pair = found.get();
        UUID org = visibility.organizationId();
        Client client = clients.findInOrganization(org, pair.clientId).orElseThrow();
        Therapist therapist = therapists.findInOrganization(org, pair.therapistId).orElseThrow();
        List<TherapySession> pairSessions = sessions.forPair(org, pair.id);
        Map<UUID, List<Assignment>> bySession = assignments
                .forSessions(org, pairSessions.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.sessionId));
        Instant now = Instant.now();
        List<PairPage.SessionRow> rows = pairSessions.stream()
                .sorted(Comparator.comparingInt((TherapySession s) -> s.sessionNumber).reversed())
                .map(s -> new PairPage.SessionRow(s.sessionNumber, s.occurredAt,
                        bySession.getOrDefault(s.id, List.of()).stream()
                                .map(a -> new PairPage.AssignmentRow(a.questionnaireId, a.questionnaireVersion,
                                        a.effectiveStatus(now).name(), a.expiresAt, a.completedAt))
                                .toList()))
                .toList();
        String clientName = client.displayName == null || client.displayName.isBlank() ? client.externalId
                : client.displayName;
        String therapistName = therapist.displayName == null || therapist.displayName.isBlank()
                ? therapist.externalId
                : therapist.displayName;
        return Optional.of(new PairPage(pair.id, clientName, client.externalId, therapistName, rows));
    }
}
