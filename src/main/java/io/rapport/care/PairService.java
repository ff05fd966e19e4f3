package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;
import io.rapport.delivery.AssignmentRepository;

/** Reads pairs, always within the caller's organization. */
@ApplicationScoped
public class PairService {

    private static final String FROM = " from Pair p join Client c on c.id = p.clientId"
            + " join Therapist t on t.id = p.therapistId"
            + " where p.organizationId = :org"
            + " and (:therapist is null or t.externalId = :therapist)"
            + " and (:client is null or c.externalId = :client)";

    private final EntityManager em;
    private final PairRepository pairs;
    private final ClientRepository clients;
    private final TherapistRepository therapists;
    private final TherapySessionRepository sessions;
    private final AssignmentRepository assignments;

    public PairService(EntityManager em, PairRepository pairs, ClientRepository clients,
            TherapistRepository therapists, TherapySessionRepository sessions, AssignmentRepository assignments) {
        this.em = em;
        this.pairs = pairs;
        this.clients = clients;
        this.therapists = therapists;
        this.sessions = sessions;
        this.assignments = assignments;
    }

    @Transactional
    public Page<PairView> list(UUID organizationId, String therapistId, String clientId, Page.Request paging) {
        long total = em.createQuery("select count(p)" + FROM, Long.class)
                .setParameter("org", organizationId).setParameter("therapist", therapistId)
                .setParameter("client", clientId).getSingleResult();
        List<PairView> items = em.createQuery("select new io.rapport.care.PairView(p.id, c.externalId, t.externalId,"
                + " p.sessionCount, p.lastSessionAt, p.createdAt)"
                + FROM + " order by p.createdAt, p.id", PairView.class)
                .setParameter("org", organizationId).setParameter("therapist", therapistId)
                .setParameter("client", clientId)
                .setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    @Transactional
    public PairDetail detail(UUID organizationId, UUID pairId) {
        Pair pair = pairs.findInOrganization(organizationId, pairId).orElseThrow(() -> ApiException.notFound("Pair"));
        List<TherapySession> pairSessions = sessions.forPair(organizationId, pairId);
        List<SessionView> views = SessionView.stored(pairSessions,
                assignments.forSessions(organizationId, pairSessions.stream().map(x -> x.id).toList()), Instant.now());
        return new PairDetail(pair.id, clients.findInOrganization(organizationId, pair.clientId).orElseThrow().externalId,
                therapists.findInOrganization(organizationId, pair.therapistId).orElseThrow().externalId,
                List.of(pair.tags), !pair.clientChartOff, pair.createdAt, views);
    }

    /** Replaces the pair's own program tags. */
    @Transactional
    public PairDetail putTags(UUID organizationId, UUID pairId, TagsRequest request) {
        Pair pair = pairs.findInOrganization(organizationId, pairId).orElseThrow(() -> ApiException.notFound("Pair"));
        pair.tags = request.tags().stream().distinct().sorted().toArray(String[]::new);
        return detail(organizationId, pairId);
    }

    /** Turns the client's own chart on or off for this pair; on, the organization's setting decides. */
    @Transactional
    public PairDetail putClientChart(UUID organizationId, UUID pairId, ClientChartRequest request) {
        Pair pair = pairs.findInOrganization(organizationId, pairId).orElseThrow(() -> ApiException.notFound("Pair"));
        pair.clientChartOff = !request.clientChart();
        return detail(organizationId, pairId);
    }
}
