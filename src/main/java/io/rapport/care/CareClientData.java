package io.rapport.care;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.audit.ClientIds;
import io.rapport.rights.ClientDataPart;
import io.rapport.rights.ClientExport;
import io.rapport.rights.ClientExportBuilder;
import io.rapport.rights.ClientRecords;
import io.rapport.rights.ClientScope;

/**
 * Care's share of a client's data, and the client lookups other features ask for: the client row, its pairs
 * and sessions. Erasure keeps the rows (the audit
 * trail and the therapist's other records refer to them) and blanks the client's name, e-mail and language; it
 * runs last, after every feature has removed what hangs from them.
 */
@ApplicationScoped
public class CareClientData implements ClientRecords, ClientDataPart, ClientIds {

    private final ClientRepository clients;
    private final PairRepository pairs;
    private final TherapySessionRepository sessions;
    private final TherapistRepository therapists;

    public CareClientData(ClientRepository clients, PairRepository pairs, TherapySessionRepository sessions,
            TherapistRepository therapists) {
        this.clients = clients;
        this.pairs = pairs;
        this.sessions = sessions;
        this.therapists = therapists;
    }

    @Override
    public Optional<ClientScope> find(UUID organizationId, String externalId, boolean lock) {
        Optional<Client> client = lock ? clients.lockByExternalId(organizationId, externalId)
                : clients.findByExternalId(organizationId, externalId);
        return client.map(c -> {
            List<UUID> pairIds = pairs.forClient(organizationId, c.id).stream().map(p -> p.id).toList();
            List<UUID> sessionIds = sessions.forPairs(organizationId, pairIds).stream().map(s -> s.id).toList();
            return new ClientScope(organizationId, c.id, pairIds, sessionIds);
        });
    }

    @Override
    public Optional<UUID> idOf(UUID organizationId, String externalId) {
        return clients.findByExternalId(organizationId, externalId).map(c -> c.id);
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void erase(ClientScope client) {
        clients.blank(client.organizationId(), client.clientId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void export(ClientScope client, ClientExportBuilder export) {
        Client c = clients.findInOrganization(client.organizationId(), client.clientId()).orElseThrow();
        export.client(new ClientExport.Client(c.id, c.externalId, c.displayName, c.email, c.preferredLanguage,
                c.createdAt, c.updatedAt, c.erasedAt));
        List<Pair> found = pairs.forClient(client.organizationId(), client.clientId());
        Map<UUID, String> ehrIds = therapists.externalIds(client.organizationId(),
                found.stream().map(p -> p.therapistId).collect(Collectors.toSet()));
        found.forEach(p -> export.pair(p.id, ehrIds.get(p.therapistId), p.createdAt));
        sessions.forPairs(client.organizationId(), client.pairIds()).forEach(s -> export.session(s.pairId, s.id,
                s.sessionNumber, s.occurredAt, s.encounterId, s.groupId));
    }
}
