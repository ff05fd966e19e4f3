package io.rapport.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.audit.AuditSubjects;

/** An audited alert leads to its pair. */
@ApplicationScoped
public class AlertAuditSubjects implements AuditSubjects {

    @Override
    public Set<String> objectTypes() {
        return Set.of("alert");
    }

    @Override
    public Optional<Subject> subjectOf(Connection c, UUID organizationId, String objectType, String objectId)
            throws SQLException {
        return AuditSubjects.firstId(c, "SELECT pair_id FROM alert WHERE organization_id = ? AND id = ?::uuid",
                organizationId, objectId).map(pair -> new OwnedBy("pair", pair.toString()));
    }
}
