package io.rapport.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * One reminder per session whose form is still open at its {@code remind_at} (issued from the organization's
 * reminder delay; for older assignments, creation plus {@code rapport.delivery.reminder-delay}), only to clients
 * with an e-mail address.
 *
 * <p>
 * At most once: a reminder is claimed with a conditional UPDATE of {@code reminder_sent_at} that commits together
 * with its new link token before the mail is sent. Two instances, or two overlapping runs, cannot both claim a
 * session; a mail server failure after the claim means that reminder is lost (logged), never that it is sent
 * twice. The scan runs over all organizations, but each claim and mail stays within one session's organization.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    /** A claimed reminder, ready to send. */
    public record Claimed(UUID sessionId, Mail mail) {
    }

    private final EntityManager em;
    private final ReminderScan scan;
    private final AssignmentRepository assignments;
    private final Links links;
    private final ChannelService channels;
    private final Mailer mailer;
    private final DeliveryConfig config;
    private final SessionDirectory sessionDirectory;

    public Reminders(EntityManager em, ReminderScan scan, AssignmentRepository assignments, Links links,
            ChannelService channels,
            Mailer mailer, DeliveryConfig config, SessionDirectory sessionDirectory) {
        this.em = em;
        this.scan = scan;
        this.assignments = assignments;
        this.links = links;
        this.channels = channels;
        this.mailer = mailer;
        this.config = config;
        this.sessionDirectory = sessionDirectory;
    }

    @Scheduled(identity = "form-reminders", every = "${rapport.delivery.reminder-scan-interval:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Sends every due reminder; returns how many were sent. Safe to call concurrently, here or elsewhere. */
    public int sendDue() {
        int sent = 0;
        for (ReminderScan.Due due : scan.due()) {
            Optional<Claimed> claimed = claim(due.organizationId(), due.sessionId());
            if (claimed.isEmpty()) {
                continue;
            }
            try {
                mailer.send(claimed.get().mail());
                sent++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Reminder for session %s could not be sent and will not be retried",
                        claimed.get().sessionId());
            }
        }
        return sent;
    }

    /** Claims a session's reminder and issues its link in one transaction; empty if someone else claimed it. */
    @Transactional
    Optional<Claimed> claim(UUID organizationId, UUID sessionId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("update assignment set reminder_sent_at = ?1"
                + " where organization_id = ?2 and session_id = ?3 and status = 'open'"
                + " and reminder_sent_at is null and expires_at > ?1"
                + " and (remind_at <= ?1 or remind_at is null and created_at <= ?4) returning id")
                .setParameter(1, now)
                .setParameter(2, organizationId)
                .setParameter(3, sessionId)
                .setParameter(4, now.minus(config.reminderDelay()))
                .getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Assignment a = assignments.findInOrganization(organizationId, claimed.get(0)).orElseThrow();
        SessionContext ctx = sessionDirectory.context(organizationId, sessionId);
        // One link opens every open form of the session, so one mail suffices.
        String url = links.issue(a, "reminder", a.expiresAt);
        return Optional.of(new Claimed(sessionId, channels.mail(ctx, "reminder", url, a.expiresAt)));
    }
}
