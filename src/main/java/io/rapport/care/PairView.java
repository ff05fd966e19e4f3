package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

/** A pair in a list; ids of the client and therapist are the EHR's own. */
public record PairView(UUID id, String clientId, String therapistId, long sessionCount, Instant lastSessionAt,
        Instant createdAt) {
}
