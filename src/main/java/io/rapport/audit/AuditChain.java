package io.rapport.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/** Recomputes an organization's hash chains; a changed, inserted or removed row breaks its chain from there on. */
@ApplicationScoped
public class AuditChain {

    private static final int BATCH = 1000;

    /**
     * Whether every chain holds; otherwise the first row (by seq) whose hashes do not match.
     * {@code rowsChecked} counts the rows found intact, in every chain.
     */
    public record Verification(boolean intact, long rowsChecked, Long firstBrokenSeq, UUID firstBrokenId) {
    }

    private final EntityManager em;

    public AuditChain(EntityManager em) {
        this.em = em;
    }

    /** Verifies each of the organization's chains, every one present in the table whatever is configured now. */
    @Transactional
    public Verification verify(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Number> chains = em.createNativeQuery("SELECT DISTINCT chain FROM audit_event"
                + " WHERE organization_id IS NOT DISTINCT FROM cast(?1 AS uuid) ORDER BY chain")
                .setParameter(1, organizationId == null ? null : organizationId.toString())
                .getResultList();
        long checked = 0;
        Verification firstBroken = null;
        for (Number chain : chains) {
            Verification v = verify(organizationId, chain.intValue());
            checked += v.rowsChecked();
            if (!v.intact() && (firstBroken == null || v.firstBrokenSeq() < firstBroken.firstBrokenSeq())) {
                firstBroken = v;
            }
        }
        return firstBroken == null ? new Verification(true, checked, null, null)
                : new Verification(false, checked, firstBroken.firstBrokenSeq(), firstBroken.firstBrokenId());
    }

    private Verification verify(UUID organizationId, int chain) {
        String prev = AuditHash.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("SELECT seq, id, occurred_at, actor, action, route,"
                    + " object_type, object_id, client_id, outcome, status, request_id, prev_hash, hash"
                    + " FROM audit_event WHERE organization_id IS NOT DISTINCT FROM cast(?1 AS uuid) AND chain = ?2"
                    + " AND seq > ?3 ORDER BY seq LIMIT " + BATCH, Tuple.class)
                    .setParameter(1, organizationId == null ? null : organizationId.toString())
                    .setParameter(2, (short) chain)
                    .setParameter(3, after));
            if (rows.isEmpty()) {
                return new Verification(true, checked, null, null);
            }
            for (Tuple r : rows) {
                long seq = NativeColumns.number(r, "seq");
                UUID id = r.get("id", UUID.class);
                Long status = NativeColumns.number(r, "status");
                AuditEntry e = new AuditEntry(organizationId, r.get("actor", String.class), r.get("action", String.class),
                        r.get("route", String.class), r.get("object_type", String.class),
                        r.get("object_id", String.class), r.get("client_id", UUID.class), r.get("outcome", String.class),
                        status == null ? null : status.intValue(), r.get("request_id", String.class));
                String expected = AuditHash.of(prev, id, e, NativeColumns.instant(r, "occurred_at"));
                String hash = r.get("hash", String.class);
                if (!prev.equals(r.get("prev_hash", String.class)) || !expected.equals(hash)) {
                    return new Verification(false, checked, seq, id);
                }
                prev = hash;
                checked++;
                after = seq;
            }
        }
    }

}
