package io.rapport.care;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.rapport.common.persistence.NativeUpsert;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class PairRepository implements OrganizationScoped<Pair> {

    public Optional<Pair> findByMembers(UUID organizationId, UUID clientId, UUID therapistId) {
        return find("organizationId = ?1 and clientId = ?2 and therapistId = ?3", organizationId, clientId,
                therapistId).firstResultOptional();
    }

    /** Locks the pair so that concurrent sessions of one pair are numbered one after the other. */
    public Pair lock(Pair pair) {
        getEntityManager().lock(pair, LockModeType.PESSIMISTIC_WRITE);
        return pair;
    }

    /** The pair of this client and therapist, created if it does not exist yet. */
    public Pair ensure(UUID organizationId, UUID clientId, UUID therapistId) {
        NativeUpsert.ignoringConflict(getEntityManager(),
                "insert into pair (id, organization_id, client_id, therapist_id, created_at) values (?, ?, ?, ?, now())"
                        + " on conflict (organization_id, client_id, therapist_id) do nothing",
                List.of(UUID.randomUUID(), organizationId, clientId, therapistId));
        return findByMembers(organizationId, clientId, therapistId).orElseThrow();
    }

    /** Locks a pair by id, for writers that start from another row of the pair. */
    public void lockById(UUID organizationId, UUID pairId) {
        getEntityManager().createNativeQuery("select id from pair where organization_id = ?1 and id = ?2 for update")
                .setParameter(1, organizationId).setParameter(2, pairId).getResultList();
    }
}
