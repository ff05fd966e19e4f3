package io.rapport.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.scoring.ScoreResult;
import io.rapport.scoring.ScoringEngine;
import io.rapport.tenancy.PairLocks;

/**
 * Stores one response: scores it, consumes the assignment with a conditional UPDATE and inserts the row, in the
 * caller's transaction. The UPDATE's row lock makes concurrent submissions wait for each other; the loser finds
 * the status no longer open and gets 409, and {@code response.assignment_id UNIQUE} backs this up.
 */
@ApplicationScoped
public class ResponseRecorder {

    /**
     * One questionnaire's answers as submitted. {@code itemsTimed}: items answered in the measured duration;
     * {@code candourShown}: whether the form showed the candour line, null when Rapport drew no form.
     */
    public record Submission(Assignment assignment, Map<String, Object> answers, Instant startedAt,
            Instant submittedAt, StoredResponse.Channel channel, String language, int itemsTimed,
            Boolean candourShown) {
    }

    private final QuestionnaireCatalog catalog;
    private final ResponseRepository responses;
    private final EntityManager em;
    private final ObjectMapper json;
    private final QualityCheck quality;
    private final ScoringEngine engine = new ScoringEngine();
    private final PairLocks pairs;
    private final SessionDirectory sessions;
    private final Event<ResponseRecorded> recorded;
    private final AssignmentRepository assignments;

    /** The quality flag of a therapist's rating sent after the session's client forms expired. */
    public static final String LATE = "late";

    public ResponseRecorder(QuestionnaireCatalog catalog, ResponseRepository responses, EntityManager em,
            ObjectMapper json, DeliveryConfig config, PairLocks pairs, SessionDirectory sessions,
            Event<ResponseRecorded> recorded, AssignmentRepository assignments) {
        this.assignments = assignments;
        this.pairs = pairs;
        this.sessions = sessions;
        this.recorded = recorded;
        this.catalog = catalog;
        this.responses = responses;
        this.em = em;
        this.json = json;
        this.quality = new QualityCheck(config.minSecondsPerItem(), config.straightLineMinItems());
    }

    public QuestionnaireDefinition definition(Assignment a) {
        return catalog.get(a.questionnaireId, a.questionnaireVersion).orElseThrow(() -> new IllegalStateException(
                "Assignment " + a.id + " names " + a.questionnaireId + "@" + a.questionnaireVersion
                        + ", which is not in the catalog"));
    }

    /** 409 for a completed assignment, 410 for an expired or cancelled one; nothing for an open one. */
    public static void requireOpen(Assignment a, Instant now) {
        switch (a.effectiveStatus(now)) {
            case open -> {
            }
            case completed -> throw alreadySubmitted();
            default -> throw gone();
        }
    }

    /** A stored response's id and score. */
    public record Stored(UUID responseId, ScoreResult score, Instant submittedAt) {
    }

    /**
     * @throws io.rapport.scoring.InvalidAnswersException before anything is written, listing every problem
     * @throws ApiException 409 or 410 when the assignment is no longer open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ScoreResult record(Submission s) {
        return store(s).score();
    }

    /** As {@link #record(Submission)}, also naming the stored response. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(Submission s) {
        Assignment a = s.assignment();
        requireOpen(a, s.submittedAt());
        QuestionnaireDefinition d = definition(a);
        ScoreResult score = engine.score(d, s.answers());
        SessionDirectory.SessionRef session = sessions.session(a.organizationId, a.sessionId);
        UUID pairId = session.pairId();
        int sessionNumber = session.sessionNumber();
        // Every writer of a pair's data takes the pair lock before any other row lock, so they cannot deadlock.
        pairs.lockById(a.organizationId, pairId);
        claim(a, s.submittedAt());
        Long durationMs = s.startedAt() == null || s.startedAt().isAfter(s.submittedAt()) ? null
                : Duration.between(s.startedAt(), s.submittedAt()).toMillis();
        List<String> flags = new ArrayList<>(quality.flags(d, s.answers(), durationMs, s.itemsTimed()));
        if (a.therapistRated() && assignments.clientFormsExpireAt(a.organizationId, a.sessionId)
                .filter(closed -> !s.submittedAt().isBefore(closed)).isPresent()) {
            // Still accepted (issue 16), but the therapist may have seen the client meanwhile in other ways.
            flags.add(LATE);
        }

        StoredResponse r = new StoredResponse();
        r.id = UUID.randomUUID();
        r.organizationId = a.organizationId;
        r.assignmentId = a.id;
        r.sessionId = a.sessionId;
        r.pairId = pairId;
        r.questionnaireId = a.questionnaireId;
        r.questionnaireVersion = a.questionnaireVersion;
        r.answers = write(new TreeMap<>(s.answers()));
        r.score = write(score);
        r.total = score.total();
        r.scored = score.scored();
        r.scorerVersion = ScoringEngine.SCORER_VERSION;
        r.startedAt = durationMs == null ? null : s.startedAt().truncatedTo(ChronoUnit.MICROS);
        r.submittedAt = s.submittedAt().truncatedTo(ChronoUnit.MICROS);
        r.durationMs = durationMs;
        r.qualityFlags = write(flags);
        r.channel = s.channel().dbValue();
        r.language = s.language();
        r.candourShown = s.candourShown();
        responses.persist(r);
        em.flush();
        recorded.fire(new ResponseRecorded(a.organizationId, pairId, a.sessionId, sessionNumber, a.id, r.id,
                a.questionnaireId, s.channel()));
        return new Stored(r.id, score, r.submittedAt);
    }

    private void claim(Assignment a, Instant now) {
        int claimed = em.createNativeQuery("update assignment set status = 'completed', completed_at = ?1"
                + " where organization_id = ?2 and id = ?3 and status = 'open' and expires_at > ?1")
                .setParameter(1, now.truncatedTo(ChronoUnit.MICROS))
                .setParameter(2, a.organizationId)
                .setParameter(3, a.id)
                .executeUpdate();
        if (claimed == 1) {
            return;
        }
        // Lost a race, or expired in between: read the status the winner left.
        em.refresh(a);
        requireOpen(a, now);
        throw gone();
    }

    static ApiException alreadySubmitted() {
        return new ApiException(409, "already-submitted", "Conflict",
                "This form was already submitted; the first answers are kept",
                List.of(new FieldError("token", "was already used to submit this form")));
    }

    static ApiException gone() {
        return new ApiException(410, "link-expired", "Gone", "This form link has expired",
                List.of(new FieldError("token", "has expired")));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a response", e);
        }
    }
}
