package io.rapport.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.web.Ids;

/**
 * Appends rows to the audit trail inside the caller's transaction, so the row commits or rolls back with the
 * work it records, and a failed append fails that work.
 */
@ApplicationScoped
public class AuditLog {

    /** The head of an organization's chain. */
    static final String LAST = "SELECT hash FROM audit_event WHERE chain = ? AND organization_id = ?"
            + " ORDER BY seq DESC LIMIT 1";
    /** The head of a chain of operator-level rows (no organization; index audit_event_operator_chain_idx). */
    static final String LAST_OPERATOR = "SELECT hash FROM audit_event WHERE chain = ?"
            + " AND organization_id IS NULL ORDER BY seq DESC LIMIT 1";

    private final DataSource dataSource;
    private final int chains;

    public AuditLog(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        if (config.chains() < 1 || config.chains() > Short.MAX_VALUE) {
            throw new IllegalStateException("rapport.audit.chains must be between 1 and " + Short.MAX_VALUE);
        }
        this.chains = config.chains();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEntry entry) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int chain = ThreadLocalRandom.current().nextInt(chains);
        try (Connection c = dataSource.getConnection()) {
            // One appender per chain at a time, held to commit, so the chain never forks.
            try (PreparedStatement lock = c
                    .prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "audit:" + entry.organizationId() + ":" + chain);
                lock.execute();
            }
            String prev = AuditHash.GENESIS;
            // Equality, not IS NOT DISTINCT FROM: only equality lets the chain index find the head directly; the
            // other form read the whole chain, a cost growing with the trail (measured: 2 ms at 12,500 rows).
            try (PreparedStatement last = c.prepareStatement(entry.organizationId() == null ? LAST_OPERATOR : LAST)) {
                last.setShort(1, (short) chain);
                if (entry.organizationId() != null) {
                    last.setObject(2, entry.organizationId());
                }
                try (ResultSet rs = last.executeQuery()) {
                    if (rs.next()) {
                        prev = rs.getString(1);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (id, organization_id,"
                    + " occurred_at, actor, action, route, object_type, object_id, client_id, outcome, status,"
                    + " request_id, prev_hash, hash, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                setUuid(insert, 2, entry.organizationId());
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setString(4, cut(entry.actor(), 200));
                insert.setString(5, entry.action());
                insert.setString(6, cut(entry.route(), 200));
                insert.setString(7, entry.objectType());
                insert.setString(8, cut(entry.objectId(), 128));
                setUuid(insert, 9, entry.clientId());
                insert.setString(10, entry.outcome());
                if (entry.status() == null) {
                    insert.setNull(11, Types.INTEGER);
                } else {
                    insert.setInt(11, entry.status());
                }
                insert.setString(12, entry.requestId());
                insert.setString(13, prev);
                AuditEntry stored = new AuditEntry(entry.organizationId(), cut(entry.actor(), 200), entry.action(),
                        cut(entry.route(), 200), entry.objectType(), cut(entry.objectId(), 128), entry.clientId(),
                        entry.outcome(), entry.status(), entry.requestId());
                insert.setString(14, AuditHash.of(prev, id, stored, at));
                insert.setShort(15, (short) chain);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AuditWriteException(e);
        }
    }

    /** A form page served through a client's link: the actor is the link, never its token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void formLink(UUID organizationId, String action, String route, UUID sessionId, int status) {
        append(new AuditEntry(organizationId, AuditEntry.CLIENT_LINK, action, route, "session", sessionId.toString(),
                clientOf(organizationId, "session", sessionId.toString()), AuditEntry.ALLOWED, status,
                AuditInterceptor.requestId()));
    }

    /** The client a row is about, looked up within the organization from the object it names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID clientOf(UUID organizationId, String objectType, String objectId) {
        if (organizationId == null || objectId == null || objectId.isEmpty()) {
            return null;
        }
        String sql = switch (objectType) {
            case "client" -> "SELECT id FROM client WHERE organization_id = ? AND external_id = ?";
            case "pair", "pair-responses", "pair-trends" ->
                "SELECT client_id FROM pair WHERE organization_id = ? AND id = ?::uuid";
            case "session" -> "SELECT p.client_id FROM session s JOIN pair p ON p.id = s.pair_id"
                    + " WHERE s.organization_id = ? AND s.id = ?::uuid";
            case "assignment" -> "SELECT p.client_id FROM assignment a JOIN session s ON s.id = a.session_id"
                    + " JOIN pair p ON p.id = s.pair_id WHERE a.organization_id = ? AND a.id = ?::uuid";
            case "alert" -> "SELECT p.client_id FROM alert a JOIN pair p ON p.id = a.pair_id"
                    + " WHERE a.organization_id = ? AND a.id = ?::uuid";
            case "response" -> "SELECT p.client_id FROM response r JOIN pair p ON p.id = r.pair_id"
                    + " WHERE r.organization_id = ? AND r.id = ?::uuid";
            default -> null;
        };
        if (sql == null || !"client".equals(objectType) && Ids.tryParse(objectId).isEmpty()) {
            return null;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, organizationId);
            q.setString(2, objectId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new AuditWriteException(e);
        }
    }

    private static void setUuid(PreparedStatement s, int index, UUID value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.OTHER);
        } else {
            s.setObject(index, value);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
