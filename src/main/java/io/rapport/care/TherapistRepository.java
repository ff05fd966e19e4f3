package io.rapport.care;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.account.TherapistDirectory;

@ApplicationScoped
public class TherapistRepository implements ExternallyIdentified<Therapist>, TherapistDirectory {

    @Override
    public String table() {
        return "therapist";
    }

    @Override
    public List<String> replaceableColumns() {
        return List.of("display_name", "email", "active");
    }

    @Override
    public UUID idOf(Therapist entity) {
        return entity.id;
    }

    @Override
    public UUID ensure(UUID organizationId, String externalId) {
        return ExternallyIdentified.super.ensure(organizationId, externalId);
    }

    @Override
    public Map<UUID, String> externalIds(UUID organizationId, Collection<UUID> therapistIds) {
        if (therapistIds.isEmpty()) {
            return Map.of();
        }
        return find("organizationId = ?1 and id in ?2", organizationId, therapistIds).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.externalId));
    }
}
