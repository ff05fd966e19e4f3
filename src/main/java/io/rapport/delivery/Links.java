package io.rapport.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.security.Secrets;

/**
 * Link tokens of assignments. The creation link lives in {@code assignment.token_hash}; each further channel gets
 * its own token in {@code assignment_link}, because a token is stored only as its hash and cannot be shown twice.
 * A link is usable while its assignment is open and neither has expired; completing the assignment therefore
 * consumes all of its links together, with no row to update per link.
 */
@ApplicationScoped
public class Links {

    /** What a token opens: the assignment and the channel it was sent through. */
    public record Resolved(Assignment assignment, String channel, Instant linkExpiresAt) {

        /** The earlier of the link's and the assignment's expiry. */
        public Instant expiresAt() {
            return linkExpiresAt.isBefore(assignment.expiresAt) ? linkExpiresAt : assignment.expiresAt;
        }
    }

    public static final String CREATION_CHANNEL = "api";

    private final AssignmentRepository assignments;
    private final AssignmentIssuer issuer;
    private final EntityManager em;

    public Links(AssignmentRepository assignments, AssignmentIssuer issuer, EntityManager em) {
        this.assignments = assignments;
        this.issuer = issuer;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Resolved> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Optional<Assignment> direct = assignments.findByTokenHash(hash);
        if (direct.isPresent()) {
            return Optional.of(new Resolved(direct.get(), CREATION_CHANNEL, direct.get().expiresAt));
        }
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("select assignment_id, organization_id, channel,"
                + " expires_at from assignment_link where token_hash = :hash", Tuple.class).setParameter("hash", hash));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        return assignments.findInOrganization(row.get("organization_id", UUID.class), row.get("assignment_id", UUID.class))
                .map(a -> new Resolved(a, row.get("channel", String.class), NativeColumns.instant(row, "expires_at")));
    }

    /** A new link for {@code channel}, valid until {@code expiresAt} or the assignment's own expiry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Assignment a, String channel, Instant expiresAt) {
        String token = Secrets.newToken();
        Instant until = expiresAt.isBefore(a.expiresAt) ? expiresAt : a.expiresAt;
        em.createNativeQuery("insert into assignment_link (id, organization_id, assignment_id, token_hash, channel,"
                + " expires_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, a.organizationId)
                .setParameter(3, a.id)
                .setParameter(4, Secrets.hash(token))
                .setParameter(5, channel)
                .setParameter(6, until.truncatedTo(ChronoUnit.MICROS))
                .setParameter(7, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        return issuer.formUrl(token);
    }
}
