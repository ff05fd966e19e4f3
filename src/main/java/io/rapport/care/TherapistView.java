package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TherapistView(UUID id, String externalId, String displayName, String email, boolean active,
        List<String> tags, Instant createdAt, Instant updatedAt) {

    static TherapistView of(Therapist t) {
        return new TherapistView(t.id, t.externalId, t.displayName, t.email, t.active, List.of(t.tags), t.createdAt,
                t.updatedAt);
    }
}
