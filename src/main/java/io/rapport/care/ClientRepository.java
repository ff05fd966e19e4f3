package io.rapport.care;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ClientRepository implements ExternallyIdentified<Client> {

    @Override
    public String table() {
        return "client";
    }

    @Override
    public List<String> replaceableColumns() {
        return List.of("display_name", "email", "preferred_language");
    }

    @Override
    public UUID idOf(Client entity) {
        return entity.id;
    }

    /** The client with this EHR id, its row locked until the transaction ends (erasure). */
    public Optional<Client> lockByExternalId(UUID organizationId, String externalId) {
        return find("organizationId = :org and externalId = :external",
                Parameters.with("org", organizationId).and("external", externalId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Blanks what identifies the client and marks the row erased; the first erasure's time is kept. */
    public void blank(UUID organizationId, UUID clientId, Instant now) {
        getEntityManager().createNativeQuery("UPDATE client SET display_name = NULL, email = NULL,"
                + " preferred_language = NULL, erased_at = coalesce(erased_at, :now), updated_at = :now"
                + " WHERE organization_id = :org AND id = :client")
                .setParameter("now", now).setParameter("org", organizationId).setParameter("client", clientId)
                .executeUpdate();
    }
}
