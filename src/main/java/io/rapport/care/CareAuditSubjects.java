package io.rapport.care;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.rapport.audit.AuditSubjects;

/**
 * The client behind care's audited objects: a client (by the EHR's id or Rapport's), a pair, a session. A pair's client never
 * changes, so the pair's is kept in memory once found: every submission and trend read is audited by its pair, and
 * the lookup was one of a submission's statements.
 */
@ApplicationScoped
public class CareAuditSubjects implements AuditSubjects {

    /** A client named by Rapport's id instead of the EHR's (the FHIR Patient id). */
    public static final String CLIENT_BY_ID = "client-by-id";

    static final String PAIR_CLIENTS = "pair-clients";

    private final CaffeineCache pairClients;

    public CareAuditSubjects(@CacheName(PAIR_CLIENTS) Cache pairClients) {
        this.pairClients = pairClients.as(CaffeineCache.class);
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of("client", CLIENT_BY_ID, "pair", "pair-responses", "pair-trends", "session");
    }

    @Override
    public Optional<Subject> subjectOf(Connection c, UUID organizationId, String objectType, String objectId)
            throws SQLException {
        return switch (objectType) {
            case "client" -> AuditSubjects.firstId(c,
                    "SELECT id FROM client WHERE organization_id = ? AND external_id = ?", organizationId, objectId)
                    .map(Client::new);
            case CLIENT_BY_ID -> AuditSubjects.firstId(c,
                    "SELECT id FROM client WHERE organization_id = ? AND id = ?::uuid", organizationId, objectId)
                    .map(Client::new);
            case "session" -> AuditSubjects.firstId(c,
                    "SELECT pair_id FROM session WHERE organization_id = ? AND id = ?::uuid", organizationId,
                    objectId).map(pair -> new OwnedBy("pair", pair.toString()));
            default -> clientOfPair(c, organizationId, objectId).map(Client::new);
        };
    }

    /** Only found clients are kept: an id that names no pair (yet) is asked again. */
    private Optional<UUID> clientOfPair(Connection c, UUID organizationId, String pairId) throws SQLException {
        String key = organizationId + "/" + pairId;
        CompletableFuture<UUID> known = pairClients.getIfPresent(key);
        if (known != null) {
            return Optional.of(known.join());
        }
        Optional<UUID> client = AuditSubjects.firstId(c,
                "SELECT client_id FROM pair WHERE organization_id = ? AND id = ?::uuid", organizationId, pairId);
        client.ifPresent(id -> pairClients.put(key, CompletableFuture.completedFuture(id)));
        return client;
    }
}
