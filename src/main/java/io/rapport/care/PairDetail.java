package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record PairDetail(UUID id, String clientId, String therapistId, Instant createdAt,
        List<SessionView> sessions) {
}
