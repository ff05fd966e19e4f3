package io.rapport.rights;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;

/**
 * A client's data rights: a full export, and erasure. Erasure keeps the client, pair and session rows (ids,
 * numbers and dates, which the audit trail and the therapist's other records refer to) and removes everything
 * the client said or that was derived from it. Each feature erases and exports its own tables through
 * {@link ClientDataPart}; this class only orders them.
 */
@ApplicationScoped
public class ClientDataService {

    private final ClientRecords records;
    private final List<ClientDataPart> parts;

    public ClientDataService(ClientRecords records, Instance<ClientDataPart> parts) {
        this.records = records;
        this.parts = parts.stream().sorted(Comparator.comparingInt(ClientDataPart::order)).toList();
    }

    /** Erasing an erased client erases nothing more and succeeds again. */
    @Transactional
    public void erase(UUID organizationId, String externalId) {
        ClientScope client = find(organizationId, externalId, true);
        parts.forEach(part -> part.erase(client));
    }

    @Transactional
    public ClientExport export(UUID organizationId, String externalId) {
        ClientScope client = find(organizationId, externalId, false);
        ClientExportBuilder export = new ClientExportBuilder();
        parts.forEach(part -> part.export(client, export));
        return export.build(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The parts in erasure order, for the test that every table holding client data has one. */
    public List<ClientDataPart> parts() {
        return parts;
    }

    private ClientScope find(UUID organizationId, String externalId, boolean lock) {
        return records.find(organizationId, externalId, lock)
                .orElseThrow(() -> ApiException.notFound("Client " + externalId));
    }
}
