package io.rapport.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rapport.common.persistence.NativeUpsert;
import io.rapport.common.persistence.OrganizationScoped;

/**
 * Records the EHR names by its own id: therapists and clients. Creation goes through {@code ON CONFLICT} so that
 * concurrent first requests for one id agree on a single row.
 */
public interface ExternallyIdentified<E> extends OrganizationScoped<E> {

    /** The table, and the columns that a PUT replaces, in the order {@link #upsert} takes their values. */
    String table();

    List<String> replaceableColumns();

    UUID idOf(E entity);

    default Optional<E> findByExternalId(UUID organizationId, String externalId) {
        return find("organizationId = ?1 and externalId = ?2", organizationId, externalId).firstResultOptional();
    }

    /** Creates or replaces the record with this external id; tells which of the two happened. */
    default NativeUpsert.Result upsert(UUID organizationId, String externalId, List<Object> values) {
        List<String> columns = replaceableColumns();
        List<Object> params = new ArrayList<>(List.of(UUID.randomUUID(), organizationId, externalId));
        params.addAll(values);
        return NativeUpsert.returning(getEntityManager(),
                "insert into " + table() + " (id, organization_id, external_id, " + String.join(", ", columns)
                        + ", created_at, updated_at) values (?, ?, ?, "
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ", now(), now())"
                        + " on conflict (organization_id, external_id) do update set "
                        + columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                        + ", updated_at = now() returning id, (xmax = 0)",
                params);
    }

    /** The id of the record with this external id, created bare if it does not exist yet. */
    default UUID ensure(UUID organizationId, String externalId) {
        NativeUpsert.ignoringConflict(getEntityManager(),
                "insert into " + table() + " (id, organization_id, external_id, created_at, updated_at)"
                        + " values (?, ?, ?, now(), now()) on conflict (organization_id, external_id) do nothing",
                List.of(UUID.randomUUID(), organizationId, externalId));
        return idOf(findByExternalId(organizationId, externalId).orElseThrow());
    }
}
