package io.rapport.care;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.audit.AuditSubjects;

/** The client behind care's audited objects: a client (by the EHR's id), a pair, a session. */
@ApplicationScoped
public class CareAuditSubjects implements AuditSubjects {

    /** A client named by Rapport's id instead of the EHR's (the FHIR Patient id). */
    public static final String CLIENT_BY_ID = "client-by-id";

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
            default -> AuditSubjects.firstId(c,
                    "SELECT client_id FROM pair WHERE organization_id = ? AND id = ?::uuid", organizationId, objectId)
                    .map(Client::new);
        };
    }
}
