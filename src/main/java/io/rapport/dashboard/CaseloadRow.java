package io.rapport.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One pair on the caseload. {@code client} is the client's display name, or the EHR's id when there is none;
 * {@code clientCode} is always the EHR's id. {@code sparkline} is null until an alliance questionnaire is scored.
 */
public record CaseloadRow(UUID pairId, String client, String clientCode, String therapist, long sessionCount,
        Instant lastSessionAt, Sparkline sparkline, List<AlertBadge> alerts) {
}
