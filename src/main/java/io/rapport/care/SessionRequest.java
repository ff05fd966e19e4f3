package io.rapport.care;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/sessions}; ids are the EHR's own. A session with several clients (a couple or a
 * family) names them in {@code clientIds}: each client rates separately and keeps their own pair.
 */
public record SessionRequest(
        @ExternalIdFilter String clientId,
        @Size(min = 2, max = SessionRequest.MAX_JOINT_CLIENTS) List<@ExternalId String> clientIds,
        @ExternalId String therapistId,
        @NotNull Instant occurredAt,
        @Size(min = 1, max = 128) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with white space") String encounterId,
        @Min(1) @Max(SessionRequest.MAX_SESSION_NUMBER) Integer sessionNumber) {

    static final int MAX_SESSION_NUMBER = 10_000;
    static final int MAX_JOINT_CLIENTS = 10;

    /** The clients seen in this session, in the order given. */
    public List<String> clients() {
        return clientIds != null ? clientIds : clientId == null ? List.of() : List.of(clientId);
    }

    public boolean joint() {
        return clientIds != null;
    }
}
