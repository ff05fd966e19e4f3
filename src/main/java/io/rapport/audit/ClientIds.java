package io.rapport.audit;

import java.util.Optional;
import java.util.UUID;

/** Turns the EHR's client id into Rapport's, for filtering the trail; implemented by the feature owning clients. */
public interface ClientIds {

    Optional<UUID> idOf(UUID organizationId, String externalId);
}
