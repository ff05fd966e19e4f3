package io.rapport.delivery;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An assignment as the API shows it. {@code formUrl} is present only in the response that created the
 * assignment: the link token is stored as a hash and cannot be shown again.
 */
public record AssignmentView(UUID id, String questionnaireId, String questionnaireVersion, String rater,
        String status, @JsonInclude(JsonInclude.Include.NON_NULL) String formUrl, Instant expiresAt) {

    public static AssignmentView of(Assignment a, String formUrl, java.time.Instant now) {
        return new AssignmentView(a.id, a.questionnaireId, a.questionnaireVersion, a.rater,
                a.effectiveStatus(now).name(), formUrl, a.expiresAt);
    }
}
