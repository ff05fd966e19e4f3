package io.rapport.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.RapportConfig;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.security.Secrets;

/**
 * Creates a session's assignments and their one-time links: the client's forms and the therapist's own rating
 * forms, as the schedule asks; the therapist's are mailed to the therapist.
 */
@ApplicationScoped
public class AssignmentIssuer {

    private final AssignmentRepository assignments;
    private final AssignmentSchedule schedule;
    private final RapportConfig config;
    private final DeliveryPolicy policy;
    private final QuestionnaireCatalog catalog;
    private final DeliveryConfig delivery;
    private final MailOutbox mail;
    private final SessionDirectory sessions;

    public AssignmentIssuer(AssignmentRepository assignments, AssignmentSchedule schedule, RapportConfig config,
            DeliveryPolicy policy, QuestionnaireCatalog catalog, DeliveryConfig delivery, MailOutbox mail,
            SessionDirectory sessions) {
        this.assignments = assignments;
        this.schedule = schedule;
        this.config = config;
        this.policy = policy;
        this.catalog = catalog;
        this.delivery = delivery;
        this.mail = mail;
        this.sessions = sessions;
    }

    /** Returns the new assignments with their form URLs, which exist only now: the token is kept as a hash. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AssignmentView> issue(UUID organizationId, UUID sessionId, int sessionNumber, Duration linkTtl) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AssignmentView> views = new ArrayList<>();
        // Fixed now, like the expiry: a later change of the organization's delay applies to later assignments.
        Instant remindAt = now.plus(policy.reminderDelay(organizationId));
        UUID therapistMail = null;
        for (QuestionnaireRef ref : schedule.questionnairesFor(organizationId, sessionNumber)) {
            boolean therapist = catalog.get(ref.id(), ref.version()).map(d -> !d.clientRated()).orElse(false);
            String token = Secrets.newToken();
            Assignment a = new Assignment();
            a.id = UUID.randomUUID();
            a.organizationId = organizationId;
            a.sessionId = sessionId;
            a.questionnaireId = ref.id();
            a.questionnaireVersion = ref.version();
            a.tokenHash = Secrets.hash(token);
            a.createdAt = now;
            a.expiresAt = now.plus(therapist ? delivery.therapistRatingWindow() : linkTtl);
            a.remindAt = therapist ? null : remindAt;
            a.rater = therapist ? Assignment.THERAPIST : Assignment.CLIENT;
            assignments.persist(a);
            if (therapist && therapistMail == null) {
                therapistMail = a.id;
            }
            views.add(AssignmentView.of(a, formUrl(token), now));
        }
        // One mail: the therapist's link opens every rating form of the session. Without an address the therapist
        // rates on the pair page.
        if (therapistMail != null) {
            String address = sessions.context(organizationId, sessionId).therapistEmail();
            if (address != null && !address.isBlank()) {
                mail.enqueue(organizationId, therapistMail, MailOutbox.THERAPIST);
            }
        }
        return views;
    }

    public String formUrl(String token) {
        return config.publicUrl().replaceAll("/+$", "") + "/f/" + token;
    }
}
