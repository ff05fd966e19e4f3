package io.rapport.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.web.Page;

/** Reads an organization's audit trail, newest first. */
@ApplicationScoped
public class AuditService {

    /** The filters of GET /api/v1/audit as given; each is optional. */
    public record Filter(String clientId, String objectType, String objectId, String actor, String from, String to) {
    }

    private final EntityManager em;
    private final ClientIds clients;

    public AuditService(EntityManager em, ClientIds clients) {
        this.em = em;
        this.clients = clients;
    }

    @Transactional
    public Page<AuditEventView> list(UUID organizationId, Filter filter, Page.Request paging) {
        List<String> where = new ArrayList<>(List.of("organization_id = ?1"));
        List<Object> params = new ArrayList<>(List.of(organizationId));
        if (filter.clientId() != null) {
            // The EHR's id; an unknown one matches nothing rather than everything.
            add(where, params, "client_id = ?",
                    clients.idOf(organizationId, filter.clientId()).orElse(new UUID(0, 0)));
        }
        if (filter.objectType() != null) {
            add(where, params, "object_type = ?", filter.objectType());
        }
        if (filter.objectId() != null) {
            add(where, params, "object_id = ?", filter.objectId());
        }
        if (filter.actor() != null) {
            add(where, params, "actor = ?", filter.actor());
        }
        if (filter.from() != null) {
            add(where, params, "occurred_at >= ?", instant("from", filter.from()));
        }
        if (filter.to() != null) {
            add(where, params, "occurred_at < ?", instant("to", filter.to()));
        }
        String condition = String.join(" AND ", where);
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_event WHERE " + condition);
        Query rows = em.createNativeQuery("SELECT seq, id, occurred_at, actor, action, route, object_type,"
                + " object_id, client_id, outcome, status, request_id, prev_hash, hash FROM audit_event WHERE "
                + condition + " ORDER BY seq DESC", Tuple.class);
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            rows.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Tuple> found = NativeColumns.tuples(rows.setFirstResult(paging.offset()).setMaxResults(paging.size()));
        List<AuditEventView> items = found.stream().map(r -> {
            Long status = NativeColumns.number(r, "status");
            return new AuditEventView(NativeColumns.number(r, "seq"), r.get("id", UUID.class),
                    NativeColumns.instant(r, "occurred_at"), r.get("actor", String.class), r.get("action", String.class),
                    r.get("route", String.class), r.get("object_type", String.class), r.get("object_id", String.class),
                    r.get("client_id", UUID.class), r.get("outcome", String.class),
                    status == null ? null : status.intValue(), r.get("request_id", String.class),
                    r.get("prev_hash", String.class), r.get("hash", String.class));
        }).toList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private static void add(List<String> where, List<Object> params, String clause, Object value) {
        params.add(value);
        where.add(clause.replace("?", "?" + params.size()));
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant such as 2026-11-20T15:00:00Z");
        }
    }
}
