package io.rapport.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.common.persistence.NativeUpsert;
import io.rapport.common.persistence.OrganizationScoped;

@ApplicationScoped
public class TherapistRepository implements OrganizationScoped<Therapist> {

    public Optional<Therapist> findByExternalId(UUID organizationId, String externalId) {
        return find("organizationId = ?1 and externalId = ?2", organizationId, externalId).firstResultOptional();
    }

    /** Creates or replaces the record with this external id; tells which of the two happened. */
    public NativeUpsert.Result upsert(UUID organizationId, String externalId, List<Object> values) {
        List<Object> params = new ArrayList<>(List.of(UUID.randomUUID(), organizationId, externalId));
        params.addAll(values);
        return NativeUpsert.returning(getEntityManager(),
                "insert into therapist (id, organization_id, external_id, display_name, email, active, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, now(), now())"
                        + " on conflict (organization_id, external_id) do update set display_name = excluded.display_name, email = excluded.email, active = excluded.active, updated_at = now()"
                        + " returning id, (xmax = 0)",
                params);
    }

    /** The id of the record with this external id, created bare if it does not exist yet. */
    public UUID ensure(UUID organizationId, String externalId) {
        NativeUpsert.ignoringConflict(getEntityManager(),
                "insert into therapist (id, organization_id, external_id, created_at, updated_at)"
                        + " values (?, ?, ?, now(), now()) on conflict (organization_id, external_id) do nothing",
                List.of(UUID.randomUUID(), organizationId, externalId));
        return findByExternalId(organizationId, externalId).orElseThrow().id;
    }
}
