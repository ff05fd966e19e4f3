package io.rapport.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.audit.AuditSubjects;

/** Delivery's audited objects lead to their owners: an assignment to its session, a response to its pair. */
@ApplicationScoped
public class DeliveryAuditSubjects implements AuditSubjects {

    @Override
    public Set<String> objectTypes() {
        return Set.of("assignment", "response");
    }

    @Override
    public Optional<Subject> subjectOf(Connection c, UUID organizationId, String objectType, String objectId)
            throws SQLException {
        if ("assignment".equals(objectType)) {
            return AuditSubjects.firstId(c,
                    "SELECT session_id FROM assignment WHERE organization_id = ? AND id = ?::uuid", organizationId,
                    objectId).map(session -> new OwnedBy("session", session.toString()));
        }
        return AuditSubjects.firstId(c, "SELECT pair_id FROM response WHERE organization_id = ? AND id = ?::uuid",
                organizationId, objectId).map(pair -> new OwnedBy("pair", pair.toString()));
    }
}
