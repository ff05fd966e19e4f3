package io.rapport.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/** The queue of mails to send, {@code mail_outbox}: written in the deciding transaction, read by {@link MailRelay}. */
@ApplicationScoped
public class MailOutbox {

    /** The kind of the therapist's link e-mail: its link opens the session's rating forms for the therapist. */
    public static final String THERAPIST = "therapist";

    /** A queued mail: which form, and whether it is the link e-mail or the reminder. */
    public record Queued(UUID id, UUID organizationId, UUID assignmentId, String kind, int attempts,
            Instant createdAt) {
    }

    /** Fired with every enqueue; {@link MailRelay} sends once the transaction has committed. */
    public record MailQueued(UUID id) {
    }

    private final EntityManager em;
    private final Event<MailQueued> queued;

    public MailOutbox(EntityManager em, Event<MailQueued> queued) {
        this.em = em;
        this.queued = queued;
    }

    /** Queues a mail in the caller's transaction: it is sent if and only if that transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID organizationId, UUID assignmentId, String kind) {
        // Queued in the caller's transaction: the mail exists exactly when the decision to send it commits.
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into mail_outbox (id, organization_id, assignment_id, kind)"
                + " values (:id, :org, :assignment, :kind)").setParameter("id", id)
                .setParameter("org", organizationId).setParameter("assignment", assignmentId)
                .setParameter("kind", kind).executeUpdate();
        queued.fire(new MailQueued(id));
    }

    /**
     * Leases up to {@code limit} due mails for {@code lease}: another relay skips them until then, so two
     * instances never send the same attempt, and a relay that dies mid-send leaves them to be retried.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Queued> claim(int limit, Duration lease) {
        return NativeColumns.tuples(em.createNativeQuery("update mail_outbox m"
                + " set attempts = m.attempts + 1, next_attempt_at = now() + cast(:lease as interval)"
                + " where m.id in (select id from mail_outbox where status = 'pending' and next_attempt_at <= now()"
                + " order by next_attempt_at limit :limit for update skip locked)"
                + " returning m.id, m.organization_id, m.assignment_id, m.kind, m.attempts, m.created_at", Tuple.class)
                .setParameter("lease", lease.toSeconds() + " seconds").setParameter("limit", limit)).stream()
                .map(r -> new Queued(r.get("id", UUID.class), r.get("organization_id", UUID.class),
                        r.get("assignment_id", UUID.class), r.get("kind", String.class),
                        NativeColumns.number(r, "attempts").intValue(), NativeColumns.instant(r, "created_at")))
                .toList();
    }

    /** Records the end of a mail: {@code sent}, {@code dropped} or {@code failed}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID id, String status, String error) {
        em.createNativeQuery("update mail_outbox set status = :status, finished_at = now(), last_error = :error"
                + " where id = :id and status = 'pending'").setParameter("status", status)
                .setParameter("error", error).setParameter("id", id).executeUpdate();
    }

    /** Records a refused attempt; the mail is tried again after {@code delay}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(UUID id, Duration delay, String error) {
        em.createNativeQuery("update mail_outbox set next_attempt_at = now() + cast(:delay as interval),"
                + " last_error = :error where id = :id and status = 'pending'")
                .setParameter("delay", delay.toMillis() + " milliseconds").setParameter("error", error)
                .setParameter("id", id).executeUpdate();
    }
}
