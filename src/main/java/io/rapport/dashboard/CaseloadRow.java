package io.rapport.dashboard;

import java.time.Instant;
import java.util.UUID;

/**
 * One pair on the caseload. {@code client} is the client's display name, or the EHR's id when there is none;
 * {@code clientCode} is always the EHR's id.
 */
public record CaseloadRow(UUID pairId, String client, String clientCode, String therapist, long sessionCount,
        Instant lastSessionAt) {
}
