package io.rapport.delivery.form;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.FormTexts;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.SessionDirectory;
import io.rapport.delivery.StoredResponse;

/**
 * The therapist's own rating of a session on the pair page (issue 16): the session's open therapist-rated forms as
 * one short form, drawn and checked like the client's, and stored through the same recorder.
 */
@ApplicationScoped
public class TherapistRatings {

    /** The pair page writes in English, like every page for staff. */
    static final String LANGUAGE = "en";

    private final AssignmentRepository assignments;
    private final ResponseRecorder recorder;
    private final FormPageBuilder pages;
    private final FormTexts texts;
    private final SessionDirectory sessions;

    public TherapistRatings(AssignmentRepository assignments, ResponseRecorder recorder, FormPageBuilder pages,
            FormTexts texts, SessionDirectory sessions) {
        this.assignments = assignments;
        this.recorder = recorder;
        this.pages = pages;
        this.texts = texts;
        this.sessions = sessions;
    }

    /**
     * The open therapist forms among a session's {@code assignments} (as the pair page has loaded them), empty when
     * there are none.
     */
    public List<FormPageBuilder.Part> openParts(List<Assignment> assignments) {
        return FormPageBuilder.openParts(assignments, Assignment.THERAPIST, recorder);
    }

    /**
     * The form of a session with open ratings, one part per instrument, with earlier values and problems when shown
     * again. It carries no CSRF token of its own: the pair page sends its sign-in's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FormView form(UUID organizationId, UUID sessionId, List<FormPageBuilder.Part> parts,
            Map<String, String> values, Map<String, String> problems) {
        return pages.build(LANGUAGE, sessions.context(organizationId, sessionId), parts, values, problems, "");
    }

    /**
     * Stores every open rating of the session, or none: returns the problems by field name, empty when stored.
     * A rating already sent (another tab) throws the recorder's 409 and rolls everything back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> submit(UUID organizationId, UUID sessionId, Map<String, String> form) {
        List<FormPageBuilder.Part> open = openParts(assignments.forSessions(organizationId, List.of(sessionId)));
        FormAnswers.Parsed parsed = FormAnswers.parse(open, form, texts.in(LANGUAGE));
        if (!parsed.problems().isEmpty()) {
            return parsed.problems();
        }
        Instant now = Instant.now();
        for (Map.Entry<FormPageBuilder.Part, Map<String, Object>> e : parsed.answers().entrySet()) {
            recorder.record(new ResponseRecorder.Submission(e.getKey().assignment(), e.getValue(), null, now,
                    StoredResponse.Channel.pairPage, LANGUAGE, parsed.items(), null));
        }
        return Map.of();
    }
}
