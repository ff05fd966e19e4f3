package io.rapport.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.rapport.common.persistence.NativeColumns;

/** What the client's pages and messages say about a session: when it was, with whom, and how to reach them. */
public record SessionContext(UUID organizationId, UUID sessionId, Instant occurredAt, String therapistName,
        String clientLanguage, String clientEmail) {

    /** Read within the session's organization; the caller's transaction applies. */
    public static SessionContext load(EntityManager em, UUID organizationId, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.occurred_at, t.display_name, c.preferred_language,"
                + " c.email from session s"
                + " join pair p on p.organization_id = s.organization_id and p.id = s.pair_id"
                + " join client c on c.organization_id = p.organization_id and c.id = p.client_id"
                + " join therapist t on t.organization_id = p.organization_id and t.id = p.therapist_id"
                + " where s.organization_id = ?1 and s.id = ?2")
                .setParameter(1, organizationId).setParameter(2, sessionId).getResultList();
        Object[] row = rows.get(0);
        return new SessionContext(organizationId, sessionId, NativeColumns.instant(row[0]), (String) row[1], (String) row[2],
                (String) row[3]);
    }

}
