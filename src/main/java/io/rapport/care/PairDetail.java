package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code tags} are the pair's own program tags; its therapist's apply too. {@code clientChart}: false when the
 * client's own chart is turned off for this pair; when true, the organization's {@code clientChart} decides.
 */
public record PairDetail(UUID id, String clientId, String therapistId, List<String> tags, boolean clientChart,
        Instant createdAt, List<SessionView> sessions) {
}
