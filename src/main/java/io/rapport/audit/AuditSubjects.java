package io.rapport.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which client an audited object is about. Each feature that owns audited objects implements this for its own
 * tables; an object owned by another object (an alert by its pair) names that one, and the trail follows it.
 */
public interface AuditSubjects {

    /** The client, or the object one step up that knows it. */
    sealed interface Subject {
    }

    record Client(UUID id) implements Subject {
    }

    record OwnedBy(String objectType, String objectId) implements Subject {
    }

    /** The object types of {@code @Audited} this feature owns. */
    Set<String> objectTypes();

    /**
     * Looks the object up within the organization, on the trail's own connection (the caller's transaction).
     *
     * @return empty when the organization has no such object
     */
    Optional<Subject> subjectOf(Connection connection, UUID organizationId, String objectType, String objectId)
            throws SQLException;

    /** The first column of the first row of {@code sql}, whose two parameters are the organization and an id. */
    static Optional<UUID> firstId(Connection connection, String sql, UUID organizationId, String id)
            throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setObject(1, organizationId);
            q.setString(2, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }
}
