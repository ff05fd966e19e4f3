package io.rapport.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mails of {@link MailOutbox}: right after the transaction that queued them commits, and on a
 * schedule for those the mail server refused, with backoff until {@code mail-retry-window} closes. Each attempt
 * issues a fresh link, so the queue holds no usable token. At least once: a mail is marked sent after the server
 * took it, and a relay that dies in between leaves it to be sent again when its lease runs out.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 200;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IN_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final MailOutbox outbox;
    private final AssignmentRepository assignments;
    private final SessionDirectory sessions;
    private final Links links;
    private final ChannelService channels;
    private final ReactiveMailer mailer;
    private final DeliveryConfig config;

    public MailRelay(MailOutbox outbox, AssignmentRepository assignments, SessionDirectory sessions, Links links,
            ChannelService channels, ReactiveMailer mailer, DeliveryConfig config) {
        this.outbox = outbox;
        this.assignments = assignments;
        this.sessions = sessions;
        this.links = links;
        this.channels = channels;
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * A mail queued by a request goes out before its answer, once the data it depends on is committed. The wait is
     * short: a mail server that is slow, or a client that hangs after a refusal, leaves the mail to the schedule.
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.MailQueued queued) {
        try {
            sendDue(IN_REQUEST_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Queued mail %s stays queued for the relay", queued.id());
        }
    }

    @Scheduled(identity = "mail-relay", every = "${rapport.delivery.mail-relay-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Sends every due mail; returns how many the mail server took. */
    public int sendDue() {
        return sendDue(SEND_TIMEOUT);
    }

    private int sendDue(Duration timeout) {
        int sent = 0;
        for (int round = 0; round < 20; round++) {
            List<MailOutbox.Queued> due = outbox.claim(BATCH, LEASE);
            for (MailOutbox.Queued mail : due) {
                if (send(mail, timeout)) {
                    sent++;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    private boolean send(MailOutbox.Queued queued, Duration timeout) {
        Optional<Mail> mail = QuarkusTransaction.requiringNew().call(() -> compose(queued));
        if (mail.isEmpty()) {
            outbox.finish(queued.id(), "dropped", null);
            return false;
        }
        try {
            // Bounded: a mail server that stops answering mid-conversation fails this attempt, not the relay.
            mailer.send(mail.get()).await().atMost(timeout);
        } catch (RuntimeException e) {
            String error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (queued.createdAt().plus(config.mailRetryWindow()).isBefore(Instant.now())) {
                outbox.finish(queued.id(), "failed", error);
                LOG.errorf("The %s mail %s was refused until its retry window closed: %s", queued.kind(),
                        queued.id(), error);
            } else {
                outbox.retryLater(queued.id(), backoff(queued.attempts()), error);
                LOG.warnf("The mail server refused the %s mail %s (attempt %d); it will be retried: %s",
                        queued.kind(), queued.id(), queued.attempts(), error);
            }
            return false;
        }
        outbox.finish(queued.id(), "sent", null);
        return true;
    }

    /** The mail with a fresh link, or empty when there is nothing to send any more. */
    private Optional<Mail> compose(MailOutbox.Queued queued) {
        Optional<Assignment> assignment = assignments.findInOrganization(queued.organizationId(),
                queued.assignmentId());
        if (assignment.isEmpty() || assignment.get().effectiveStatus(Instant.now()) != Assignment.Status.open) {
            return Optional.empty();
        }
        Assignment a = assignment.get();
        SessionContext ctx = sessions.context(queued.organizationId(), a.sessionId);
        String address = MailOutbox.THERAPIST.equals(queued.kind()) ? ctx.therapistEmail() : ctx.clientEmail();
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String url = links.issue(a, queued.kind(), a.expiresAt);
        // The same Message-ID on every attempt: a mail sent twice (a relay killed before it marked it sent) can be
        // recognised by the receiving server or by a test.
        return Optional.of(channels.mail(ctx, queued.kind(), url, a.expiresAt).addHeader("Message-ID",
                messageId(queued.id())));
    }

    /** The Message-ID of a queued mail's every attempt. */
    static String messageId(UUID outboxId) {
        return "<" + outboxId + "@rapport>";
    }

    /** The delay after {@code attempts} refused attempts; the last configured delay repeats. */
    Duration backoff(int attempts) {
        List<Duration> delays = config.mailBackoff();
        return delays.get(Math.min(Math.max(attempts, 1), delays.size()) - 1);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
