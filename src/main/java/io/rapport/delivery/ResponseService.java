package io.rapport.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.common.error.ApiException;
import io.rapport.common.web.Page;
import io.rapport.scoring.ScoreResult;

/**
 * Submissions through the JSON API and the pair's response history.
 *
 * <p>
 * A retry of a submission that already succeeded gets 409, even when its answers are identical: a client that
 * lost the first reply knows from the 409 that its answers are stored, and a link token alone must not be able to
 * read stored answers back.
 */
@ApplicationScoped
public class ResponseService {

    private final Links links;
    private final ResponseRecorder recorder;
    private final ResponseRepository responses;
    private final LinkGuessLimiter limiter;
    private final ObjectMapper json;
    private final SessionDirectory sessions;
    private final AssignmentRepository assignments;

    public ResponseService(Links links, ResponseRecorder recorder, ResponseRepository responses,
            LinkGuessLimiter limiter, ObjectMapper json, SessionDirectory sessions,
            AssignmentRepository assignments) {
        this.sessions = sessions;
        this.assignments = assignments;
        this.links = links;
        this.recorder = recorder;
        this.responses = responses;
        this.limiter = limiter;
        this.json = json;
    }

    @Transactional
    public ScoreResult submit(String token, SubmissionRequest request, String clientAddress) {
        limiter.check(clientAddress);
        Links.Resolved link = links.resolve(token).orElse(null);
        if (link == null) {
            limiter.recordUnknown(clientAddress);
            throw ApiException.notFound("Form");
        }
        Instant now = Instant.now();
        if (!link.expiresAt().isAfter(now) && link.assignment().effectiveStatus(now) == Assignment.Status.open) {
            throw ResponseRecorder.gone();
        }
        StoredResponse.Channel channel = "in-session".equals(link.channel()) ? StoredResponse.Channel.inSession
                : StoredResponse.Channel.api;
        // Invalid answers leave as InvalidAnswersException, for the API's one mapper of it.
        return recorder.record(new ResponseRecorder.Submission(link.assignment(), request.answers(),
                request.startedAt(), now, channel, null, request.answers().size(), null));
    }

    /**
     * Answers the EHR collected itself (a FHIR QuestionnaireResponse) for an assignment of its organization: the
     * caller's credential stands in for the link token, and everything else is a link submission's path (the same
     * claim, scoring, quality flags, events and outbox), so a second response gets 409 and invalid answers leave as
     * {@link io.rapport.scoring.InvalidAnswersException} with nothing stored.
     *
     * @throws ApiException 404 when the organization has no such assignment; 409 when it is answered; 410 when
     *         it expired or was cancelled
     */
    @Transactional
    public ResponseRecorder.Stored submitForAssignment(UUID organizationId, UUID assignmentId,
            Map<String, Object> answers, String language) {
        Assignment a = assignments.findInOrganization(organizationId, assignmentId)
                .orElseThrow(() -> ApiException.notFound("Assignment"));
        return recorder.store(new ResponseRecorder.Submission(a, answers, null, Instant.now(),
                StoredResponse.Channel.fhir, language, answers.size(), null));
    }

    @Transactional
    public Page<ResponseView> forPair(UUID organizationId, UUID pairId, Page.Request paging) {
        if (!sessions.pairExists(organizationId, pairId)) {
            throw ApiException.notFound("Pair");
        }
        List<ResponseView> items = responses.forPair(organizationId, pairId, paging).stream().map(this::view)
                .toList();
        return new Page<>(items, paging.page(), paging.size(), responses.countForPair(organizationId, pairId));
    }

    private ResponseView view(StoredResponse r) {
        try {
            List<String> flags = json.readValue(r.qualityFlags, new TypeReference<List<String>>() {
            });
            return new ResponseView(r.id, r.assignmentId, r.sessionId, r.questionnaireId, r.questionnaireVersion,
                    json.readTree(r.answers), json.readTree(r.score), r.scorerVersion, r.startedAt, r.submittedAt,
                    r.durationMs, flags, r.channel, r.language);
        } catch (IOException e) {
            throw new IllegalStateException("Stored response " + r.id + " is not valid JSON", e);
        }
    }
}
