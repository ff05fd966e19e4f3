package io.rapport.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The caseload: every active pair the caller may see, in two statements whatever its size (one count, one page
 * of rows). Per-pair figures come from lateral subqueries joined to the page query; later columns (latest
 * score, sparkline points, open alerts) belong there too, never in a query per row.
 */
@ApplicationScoped
public class CaseloadService {

    /**
     * A pair is active while its therapist is; pairs have no end date of their own yet. Clients and therapists are
     * joined on the organization too, as the foreign keys are.
     */
    private static final String FROM = " from pair p"
            + " join client c on c.organization_id = p.organization_id and c.id = p.client_id"
            + " join therapist t on t.organization_id = p.organization_id and t.id = p.therapist_id";
    /** Per-pair aggregates; one lateral subquery per kind of figure. */
    private static final String LATERALS = " left join lateral (select count(*) as session_count,"
            + " max(s.occurred_at) as last_session_at from session s"
            + " where s.organization_id = p.organization_id and s.pair_id = p.id) st on true";

    private final EntityManager em;

    public CaseloadService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public CaseloadPage caseload(Visibility visibility, CaseloadQuery query) {
        String where = where(visibility, query);
        Query count = em.createNativeQuery("select count(*)" + FROM + where);
        bind(count, visibility, query);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total <= query.offset()) {
            return new CaseloadPage(List.of(), query, total);
        }
        Query page = em.createNativeQuery("select p.id, c.display_name, c.external_id,"
                + " coalesce(t.display_name, t.external_id), st.session_count, st.last_session_at"
                + FROM + LATERALS + where
                + " order by " + query.sort().sql + (query.descending() ? " desc" : " asc") + " nulls last, p.id"
                + " limit :limit offset :offset");
        bind(page, visibility, query);
        page.setParameter("limit", query.size()).setParameter("offset", query.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        return new CaseloadPage(rows.stream().map(CaseloadService::row).toList(), query, total);
    }

    private static String where(Visibility visibility, CaseloadQuery query) {
        StringBuilder sql = new StringBuilder(" where p.organization_id = :org and t.active");
        if (!visibility.wholeOrganization()) {
            sql.append(" and p.therapist_id = :therapist");
        }
        if (!query.filter().isEmpty()) {
            sql.append(" and (c.display_name ilike :pattern escape '!' or c.external_id ilike :pattern escape '!')");
        }
        return sql.toString();
    }

    private static void bind(Query q, Visibility visibility, CaseloadQuery query) {
        q.setParameter("org", visibility.organizationId());
        if (!visibility.wholeOrganization()) {
            q.setParameter("therapist", visibility.therapistId());
        }
        if (!query.filter().isEmpty()) {
            q.setParameter("pattern", "%" + query.filter().replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
    }

    private static CaseloadRow row(Object[] r) {
        String displayName = (String) r[1];
        String code = (String) r[2];
        return new CaseloadRow((UUID) r[0], displayName == null || displayName.isBlank() ? code : displayName, code,
                (String) r[3], ((Number) r[4]).longValue(), instant(r[5]));
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
