package io.rapport.rights;

import java.util.List;
import java.util.UUID;

/** One client, with the ids of its pairs and sessions, which every feature's share of its data hangs from. */
public record ClientScope(UUID organizationId, UUID clientId, List<UUID> pairIds, List<UUID> sessionIds) {

    public ClientScope {
        pairIds = List.copyOf(pairIds);
        sessionIds = List.copyOf(sessionIds);
    }
}
