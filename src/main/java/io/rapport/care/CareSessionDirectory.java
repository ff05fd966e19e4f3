package io.rapport.care;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.delivery.SessionContext;
import io.rapport.delivery.SessionDirectory;

/** Answers delivery's questions about sessions from care's own tables; the caller's transaction applies. */
@ApplicationScoped
public class CareSessionDirectory implements SessionDirectory {

    private final EntityManager em;
    private final TherapySessionRepository sessions;
    private final PairRepository pairs;

    public CareSessionDirectory(EntityManager em, TherapySessionRepository sessions, PairRepository pairs) {
        this.em = em;
        this.sessions = sessions;
        this.pairs = pairs;
    }

    @Override
    public SessionRef session(UUID organizationId, UUID sessionId) {
        TherapySession s = sessions.findInOrganization(organizationId, sessionId).orElseThrow();
        return new SessionRef(s.pairId, s.sessionNumber);
    }

    @Override
    public SessionContext context(UUID organizationId, UUID sessionId) {
        Tuple row = (Tuple) em.createNativeQuery("select s.occurred_at, t.display_name, c.preferred_language,"
                + " c.email, t.email as therapist_email from session s"
                + " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id"
                + " join client c on c.organization_id = p.organization_id and c.id = p.client_id"
                + " join therapist t on t.organization_id = p.organization_id and t.id = p.therapist_id"
                + " where s.organization_id = :org and s.id = :session", Tuple.class)
                .setParameter("org", organizationId).setParameter("session", sessionId).getSingleResult();
        return new SessionContext(organizationId, sessionId, NativeColumns.instant(row.get("occurred_at")),
                row.get("display_name", String.class), row.get("preferred_language", String.class),
                row.get("email", String.class), row.get("therapist_email", String.class));
    }

    @Override
    public boolean pairExists(UUID organizationId, UUID pairId) {
        return pairs.findInOrganization(organizationId, pairId).isPresent();
    }

    @Override
    public Map<UUID, UUID> clientsOfSessions(UUID organizationId, Collection<UUID> sessionIds) {
        Map<UUID, UUID> clients = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return clients;
        }
        for (Tuple row : NativeColumns.tuples(em.createNativeQuery("select s.id, p.client_id from session s"
                + " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id"
                + " where s.organization_id = :org and s.id in (:sessions)", Tuple.class)
                .setParameter("org", organizationId).setParameter("sessions", sessionIds))) {
            clients.put(row.get("id", UUID.class), row.get("client_id", UUID.class));
        }
        return clients;
    }

    @Override
    public List<UUID> sessionsOfClient(UUID organizationId, UUID clientId) {
        return ids(em.createNativeQuery("select s.id from session s"
                + " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id"
                + " where p.organization_id = :org and p.client_id = :client")
                .setParameter("org", organizationId).setParameter("client", clientId).getResultList());
    }

    @Override
    public List<UUID> pairsOfClient(UUID organizationId, UUID clientId) {
        return ids(em.createNativeQuery("select id from pair where organization_id = :org and client_id = :client")
                .setParameter("org", organizationId).setParameter("client", clientId).getResultList());
    }

    @Override
    public boolean clientChartOff(UUID organizationId, UUID pairId) {
        return pairs.findInOrganization(organizationId, pairId).map(p -> p.clientChartOff).orElse(false);
    }

    @Override
    public Map<UUID, Instant> sessionTimes(UUID organizationId, UUID pairId) {
        Map<UUID, Instant> times = new HashMap<>();
        sessions.forPair(organizationId, pairId).forEach(s -> times.put(s.id, s.occurredAt));
        return times;
    }

    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(UUID.class::cast).toList();
    }
}
