package io.rapport.care;

import java.time.Instant;
import java.util.UUID;

public record ClientView(UUID id, String externalId, String displayName, String email, String preferredLanguage,
        Instant createdAt, Instant updatedAt) {

    static ClientView of(Client c) {
        return new ClientView(c.id, c.externalId, c.displayName, c.email, c.preferredLanguage, c.createdAt,
                c.updatedAt);
    }
}
