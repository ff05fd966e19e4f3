package io.rapport.rights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Collects the parts' rows and nests them: pairs hold their sessions, sessions their assignments. */
public final class ClientExportBuilder {

    private record PairRow(UUID id, String therapistId, Instant createdAt) {
    }

    private record SessionRow(UUID pairId, UUID id, int sessionNumber, Instant occurredAt, String encounterId,
            UUID groupId) {
    }

    private ClientExport.Client client;
    private final List<PairRow> pairs = new ArrayList<>();
    private final List<SessionRow> sessions = new ArrayList<>();
    private final Map<UUID, List<ClientExport.Assignment>> assignments = new LinkedHashMap<>();
    private final List<ClientExport.Response> responses = new ArrayList<>();
    private final List<ClientExport.Alert> alerts = new ArrayList<>();

    public ClientExportBuilder client(ClientExport.Client row) {
        this.client = row;
        return this;
    }

    public ClientExportBuilder pair(UUID id, String therapistId, Instant createdAt) {
        pairs.add(new PairRow(id, therapistId, createdAt));
        return this;
    }

    public ClientExportBuilder session(UUID pairId, UUID id, int sessionNumber, Instant occurredAt, String encounterId,
            UUID groupId) {
        sessions.add(new SessionRow(pairId, id, sessionNumber, occurredAt, encounterId, groupId));
        return this;
    }

    public ClientExportBuilder assignment(UUID sessionId, ClientExport.Assignment row) {
        assignments.computeIfAbsent(sessionId, k -> new ArrayList<>()).add(row);
        return this;
    }

    public ClientExportBuilder response(ClientExport.Response row) {
        responses.add(row);
        return this;
    }

    public ClientExportBuilder alert(ClientExport.Alert row) {
        alerts.add(row);
        return this;
    }

    public ClientExport build(Instant exportedAt) {
        if (client == null) {
            throw new IllegalStateException("no part exported the client row");
        }
        List<ClientExport.Pair> nested = pairs.stream().sorted(Comparator.comparing(PairRow::createdAt))
                .map(p -> new ClientExport.Pair(p.id(), p.therapistId(), p.createdAt(), sessions.stream()
                        .filter(s -> s.pairId().equals(p.id()))
                        .sorted(Comparator.comparingInt(SessionRow::sessionNumber))
                        .map(s -> new ClientExport.Session(s.id(), s.sessionNumber(), s.occurredAt(), s.encounterId(),
                                s.groupId(), assignments.getOrDefault(s.id(), List.of()).stream()
                                        .sorted(Comparator.comparing(ClientExport.Assignment::createdAt)
                                                .thenComparing(ClientExport.Assignment::questionnaireId))
                                        .toList()))
                        .toList()))
                .toList();
        return new ClientExport(exportedAt, client, nested,
                responses.stream().sorted(Comparator.comparing(ClientExport.Response::submittedAt)).toList(),
                alerts.stream().sorted(Comparator.comparing(ClientExport.Alert::createdAt)).toList());
    }
}
