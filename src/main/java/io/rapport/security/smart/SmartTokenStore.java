package io.rapport.security.smart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** The {@code smart_access_token} and {@code smart_assertion_jti} tables. */
@ApplicationScoped
public class SmartTokenStore {

    /** An access token found by its hash: whose it is and what it may do. */
    public record Found(UUID organizationId, UUID clientId, String scopes, Instant expiresAt) {
    }

    private final EntityManager em;

    public SmartTokenStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Records an accepted assertion's jti until it expires.
     *
     * @return false when the client used this jti before (a replay)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean useJti(UUID organizationId, UUID clientId, String jti, Instant expiresAt) {
        return em.createNativeQuery("""
                insert into smart_assertion_jti (organization_id, client_id, jti, expires_at)
                values (:org, :client, :jti, :expires) on conflict do nothing""")
                .setParameter("org", organizationId).setParameter("client", clientId).setParameter("jti", jti)
                .setParameter("expires", expiresAt).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void storeToken(String tokenHash, UUID organizationId, UUID clientId, String scopes, Instant issuedAt,
            Instant expiresAt) {
        em.createNativeQuery("""
                insert into smart_access_token (token_hash, organization_id, client_id, scopes, issued_at, expires_at)
                values (:hash, :org, :client, :scopes, :issued, :expires)""")
                .setParameter("hash", tokenHash).setParameter("org", organizationId).setParameter("client", clientId)
                .setParameter("scopes", scopes).setParameter("issued", issuedAt).setParameter("expires", expiresAt)
                .executeUpdate();
    }

    /** The token if it has not expired and its client is still enabled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Found> findActive(String tokenHash, Instant now) {
        List<?> rows = em.createNativeQuery("""
                select t.organization_id, t.client_id, t.scopes, t.expires_at
                from smart_access_token t
                join smart_client c on c.organization_id = t.organization_id and c.id = t.client_id
                where t.token_hash = :hash and t.expires_at > :now and c.disabled_at is null""", Tuple.class)
                .setParameter("hash", tokenHash).setParameter("now", now).getResultList();
        return rows.stream().map(Tuple.class::cast).findFirst().map(t -> new Found(t.get(0, UUID.class),
                t.get(1, UUID.class), t.get(2, String.class), t.get(3, Instant.class)));
    }

    /** Ends every token of a client at once (it was disabled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeTokens(UUID organizationId, UUID clientId) {
        em.createNativeQuery("delete from smart_access_token where organization_id = :org and client_id = :client")
                .setParameter("org", organizationId).setParameter("client", clientId).executeUpdate();
    }

    /** Deletes expired tokens and the jti of expired assertions, which can no longer be replayed anyway. */
    @Transactional
    public int purge(Instant now) {
        int tokens = em.createNativeQuery("delete from smart_access_token where expires_at <= :now")
                .setParameter("now", now).executeUpdate();
        int jtis = em.createNativeQuery("delete from smart_assertion_jti where expires_at <= :now")
                .setParameter("now", now).executeUpdate();
        return tokens + jtis;
    }
}
