package io.rapport.delivery.form;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.security.Secrets;

/**
 * The {@code form_visit} table: a visit is named by the hash of its cookie, never by the cookie itself, and
 * carries the CSRF token and the time the form was first shown.
 */
@ApplicationScoped
public class FormVisitStore {

    /** One visit of a session's form. */
    public record Visit(String idHash, UUID organizationId, UUID sessionId, String channel, String csrf,
            Instant firstServedAt, String rater) {
    }

    /** Longer cookies were never issued; they are refused before hashing. */
    private static final int MAX_COOKIE_LENGTH = 100;

    private final EntityManager em;

    public FormVisitStore(EntityManager em) {
        this.em = em;
    }

    /** Starts a visit of the session's form; returns the cookie, which only the browser keeps. */
    public String start(UUID organizationId, UUID sessionId, String channel, String rater, Instant expiresAt,
            Instant now) {
        String cookie = Secrets.newToken();
        em.createNativeQuery("insert into form_visit (id_hash, organization_id, session_id, channel, csrf_token,"
                + " expires_at, created_at, rater)"
                + " values (:id, :org, :session, :channel, :csrf, :expires, :now, :rater)")
                .setParameter("rater", rater)
                .setParameter("id", Secrets.hash(cookie))
                .setParameter("org", organizationId)
                .setParameter("session", sessionId)
                .setParameter("channel", channel)
                .setParameter("csrf", Secrets.newToken())
                .setParameter("expires", expiresAt.truncatedTo(ChronoUnit.MICROS))
                .setParameter("now", now.truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        return cookie;
    }

    /** The unexpired visit this cookie names. */
    public Optional<Visit> find(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select id_hash, organization_id, session_id, channel, csrf_token,"
                + " first_served_at, rater from form_visit where id_hash = :id and expires_at > :now", Tuple.class)
                .setParameter("id", Secrets.hash(cookie))
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Visit(r.get("id_hash", String.class), r.get("organization_id", UUID.class),
                        r.get("session_id", UUID.class), r.get("channel", String.class),
                        r.get("csrf_token", String.class), NativeColumns.instant(r.get("first_served_at")),
                        r.get("rater", String.class)));
    }

    /** Records when the form was first shown, from which a response's duration is measured. */
    public void markServed(Visit visit) {
        em.createNativeQuery("update form_visit set first_served_at = :now where id_hash = :id"
                + " and first_served_at is null")
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter("id", visit.idHash())
                .executeUpdate();
    }

    /** Visits past their cookie's lifetime are of no use to anyone; a day's grace keeps support cases readable. */
    @Scheduled(identity = "form-visit-cleanup", every = "1h", delayed = "1m")
    @Transactional
    void forgetExpiredVisits() {
        em.createNativeQuery("delete from form_visit where expires_at < :before")
                .setParameter("before", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }
}
