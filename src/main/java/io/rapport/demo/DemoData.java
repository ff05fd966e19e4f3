package io.rapport.demo;

import java.util.List;
import java.util.UUID;

/** What the seeder created, for {@link DemoContributor}s to build on. */
public record DemoData(UUID organizationId, List<DemoPair> pairs) {

    /** A pair with its sessions in order (session 1 first). */
    public record DemoPair(UUID pairId, UUID clientId, UUID therapistId, List<UUID> sessionIds) {
    }
}
