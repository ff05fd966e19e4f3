package io.rapport.security.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import io.rapport.account.AccountDeactivated;
import io.rapport.account.UserAccount;
import io.rapport.account.UserAccountRepository;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.security.Secrets;
import io.rapport.security.SecurityConfig;

/** Server-side web sessions: started at login, moved on by every request, ended by logout, idleness or deactivation. */
@ApplicationScoped
public class WebSessionService {

    private final EntityManager em;
    private final SecurityConfig config;
    private final UserAccountRepository accounts;

    public WebSessionService(EntityManager em, SecurityConfig config, UserAccountRepository accounts) {
        this.em = em;
        this.config = config;
        this.accounts = accounts;
    }

    /** A live session with its account, as the identity provider needs it. */
    public record Active(String sessionId, UUID accountId, UUID organizationId, String username, String role,
            UUID therapistId, String csrfToken) {
    }

    /** Starts a session and returns the cookie token; only its hash is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String start(UserAccount account) {
        String token = Secrets.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebSession session = new WebSession();
        session.id = Secrets.hash(token);
        session.organizationId = account.organizationId;
        session.accountId = account.id;
        session.csrfToken = Secrets.newToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.web().absoluteTimeout());
        em.persist(session);
        return token;
    }

    /**
     * Finds the live session of this cookie token and moves its last-seen time in one statement, then reads its
     * account by primary key from the account room. A session that is idle, past its end or of a deactivated
     * account is deleted.
     */
    @Transactional
    public Optional<Active> touch(String token) {
        String id = Secrets.hash(token);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery("update web_session set last_seen_at = :now"
                + " where id = :id and expires_at > :now and last_seen_at > :idleSince"
                + " returning organization_id, account_id, csrf_token", Tuple.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("id", id)
                .setParameter("idleSince", OffsetDateTime.ofInstant(now.minus(config.web().idleTimeout()),
                        ZoneOffset.UTC)));
        Optional<UserAccount> account = rows.isEmpty() ? Optional.empty()
                : accounts.findInOrganization(rows.get(0).get("organization_id", UUID.class),
                        rows.get(0).get("account_id", UUID.class)).filter(a -> a.active);
        if (account.isEmpty()) {
            end(id);
            return Optional.empty();
        }
        UserAccount a = account.get();
        return Optional.of(new Active(id, a.id, a.organizationId, a.username, a.role, a.therapistId,
                rows.get(0).get("csrf_token", String.class)));
    }

    @Transactional
    public void end(String sessionId) {
        em.createQuery("delete from WebSession where id = ?1").setParameter(1, sessionId).executeUpdate();
    }

    /** A deactivated account's sessions end in the deactivating transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endAll(@Observes AccountDeactivated deactivated) {
        em.createQuery("delete from WebSession where organizationId = ?1 and accountId = ?2")
                .setParameter(1, deactivated.organizationId()).setParameter(2, deactivated.accountId())
                .executeUpdate();
    }

    /** Sessions nobody came back to are deleted at their next use; this removes the rest. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void purge() {
        Instant now = Instant.now();
        em.createQuery("delete from WebSession where expiresAt <= ?1 or lastSeenAt <= ?2")
                .setParameter(1, now).setParameter(2, now.minus(config.web().idleTimeout())).executeUpdate();
    }
}
