package io.rapport.rights;

import java.util.Optional;
import java.util.UUID;

/** Finds a client by the EHR's id; implemented by the feature that owns clients, pairs and sessions. */
public interface ClientRecords {

    /**
     * The client with its pairs and sessions, or empty when the organization has no such client.
     *
     * @param lock lock the client row first, so that two erasures of one client run one after the other
     */
    Optional<ClientScope> find(UUID organizationId, String externalId, boolean lock);
}
