package io.rapport.care;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rapport.common.persistence.NativeUpsert;
import io.rapport.common.persistence.OrganizationScoped;
import io.rapport.tenancy.PairLocks;

@ApplicationScoped
public class PairRepository implements OrganizationScoped<Pair>, PairLocks {

    private final TransactionSynchronizationRegistry registry;

    public PairRepository(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    public Optional<Pair> findByMembers(UUID organizationId, UUID clientId, UUID therapistId) {
        return find("organizationId = ?1 and clientId = ?2 and therapistId = ?3", organizationId, clientId,
                therapistId).firstResultOptional();
    }

    /** A client's pairs, oldest first. */
    public List<Pair> forClient(UUID organizationId, UUID clientId) {
        return list("organizationId = :org and clientId = :client", Sort.by("createdAt"),
                Parameters.with("org", organizationId).and("client", clientId));
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

    @Override
    public void lockById(UUID organizationId, UUID pairId) {
        getEntityManager().createNativeQuery("select id from pair where organization_id = ?1 and id = ?2 for update")
                .setParameter(1, organizationId).setParameter(2, pairId).getResultList();
        remember(pairId);
    }

    /**
     * Locks the pair against concurrent writers of its events, unless this transaction holds a pair lock already:
     * a submission reaches this point several times (response, outbox, every alert), and each extra statement
     * would also flush the persistence context.
     *
     * @return whether the pair exists in the organization
     */
    @Override
    public boolean lockForEvents(UUID organizationId, UUID pairId) {
        if (registry.getTransactionKey() != null && registry.getResource(lockKey(pairId)) != null) {
            return true;
        }
        boolean exists = !getEntityManager()
                .createNativeQuery("select id from pair where organization_id = ?1 and id = ?2 for no key update")
                .setParameter(1, organizationId).setParameter(2, pairId).getResultList().isEmpty();
        if (exists) {
            remember(pairId);
        }
        return exists;
    }

    private void remember(UUID pairId) {
        if (registry.getTransactionKey() != null) {
            registry.putResource(lockKey(pairId), Boolean.TRUE);
        }
    }

    private static String lockKey(UUID pairId) {
        return "rapport.pair-lock." + pairId;
    }
}
