package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code tags} are the pair's own program tags; its therapist's apply too. */
public record PairDetail(UUID id, String clientId, String therapistId, List<String> tags, Instant createdAt,
        List<SessionView> sessions) {
}
