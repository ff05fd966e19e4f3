package io.rapport.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * One reminder per session whose form is still open at its {@code remind_at} (issued from the organization's
 * reminder delay; for older assignments, creation plus {@code rapport.delivery.reminder-delay}), only to clients
 * with an e-mail address.
 *
 * <p>
 * Once per session: a reminder is claimed with a conditional UPDATE of {@code reminder_sent_at} that commits
 * together with its entry in the {@link MailOutbox}, so two instances, or two overlapping runs, cannot both claim
 * a session, and a mail server that refuses it delays the reminder ({@link MailRelay} retries) but never loses
 * it. The scan runs over all organizations, but each claim and mail stays within one session's organization.
 */
@ApplicationScoped
public class Reminders {

    private final EntityManager em;
    private final ReminderScan scan;
    private final MailOutbox mail;
    private final DeliveryConfig config;

    public Reminders(EntityManager em, ReminderScan scan, MailOutbox mail, DeliveryConfig config) {
        this.em = em;
        this.scan = scan;
        this.mail = mail;
        this.config = config;
    }

    @Scheduled(identity = "form-reminders", every = "${rapport.delivery.reminder-scan-interval:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /**
     * Queues every due reminder; returns how many were queued. Each is sent as soon as its claim commits. Safe to
     * call concurrently, here or elsewhere.
     */
    public int sendDue() {
        int queued = 0;
        for (ReminderScan.Due due : scan.due()) {
            if (claim(due.organizationId(), due.sessionId())) {
                queued++;
            }
        }
        return queued;
    }

    /** Claims a session's reminder and queues its mail in one transaction; false if someone else claimed it. */
    @Transactional
    boolean claim(UUID organizationId, UUID sessionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("update assignment set reminder_sent_at = ?1"
                + " where organization_id = ?2 and session_id = ?3 and status = 'open' and rater = 'client'"
                + " and reminder_sent_at is null and expires_at > ?1"
                + " and (remind_at <= ?1 or remind_at is null and created_at <= ?4) returning id")
                .setParameter(1, now)
                .setParameter(2, organizationId)
                .setParameter(3, sessionId)
                .setParameter(4, now.minus(config.reminderDelay()))
                .getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        // One link opens every open form of the session, so one mail suffices.
        mail.enqueue(organizationId, claimed.get(0), "reminder");
        return true;
    }
}
