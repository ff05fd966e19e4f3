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
import io.rapport.security.Secrets;

/** Creates a session's assignments and their one-time links. */
@ApplicationScoped
public class AssignmentIssuer {

    private final AssignmentRepository assignments;
    private final AssignmentSchedule schedule;
    private final RapportConfig config;
    private final DeliveryPolicy policy;

    public AssignmentIssuer(AssignmentRepository assignments, AssignmentSchedule schedule, RapportConfig config,
            DeliveryPolicy policy) {
        this.assignments = assignments;
        this.schedule = schedule;
        this.config = config;
        this.policy = policy;
    }

    /** Returns the new assignments with their form URLs, which exist only now: the token is kept as a hash. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AssignmentView> issue(UUID organizationId, UUID sessionId, int sessionNumber, Duration linkTtl) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AssignmentView> views = new ArrayList<>();
        // Fixed now, like the expiry: a later change of the organization's delay applies to later assignments.
        Instant remindAt = now.plus(policy.reminderDelay(organizationId));
        for (QuestionnaireRef ref : schedule.questionnairesFor(organizationId, sessionNumber)) {
            String token = Secrets.newToken();
            Assignment a = new Assignment();
            a.id = UUID.randomUUID();
            a.organizationId = organizationId;
            a.sessionId = sessionId;
            a.questionnaireId = ref.id();
            a.questionnaireVersion = ref.version();
            a.tokenHash = Secrets.hash(token);
            a.createdAt = now;
            a.expiresAt = now.plus(linkTtl);
            a.remindAt = remindAt;
            assignments.persist(a);
            views.add(AssignmentView.of(a, formUrl(token), now));
        }
        return views;
    }

    public String formUrl(String token) {
        return config.publicUrl().replaceAll("/+$", "") + "/f/" + token;
    }
}
