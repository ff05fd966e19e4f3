package io.rapport.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import io.rapport.common.error.Problem;

/** A lost or refused database connection is a 503 with Retry-After, not a 500. */
class DatabaseUnavailableMappingTest {

    @Test
    void shouldRecogniseConnectionFailuresAnywhereInTheCauseChain() {
        assertTrue(DatabaseOutage.isUnavailable(
                new JDBCConnectionException("I/O error", new SQLException("broken pipe", "08006"))));
        assertTrue(DatabaseOutage.isUnavailable(new PersistenceException("wrapped",
                new RuntimeException(new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseOutage.isUnavailable(new SQLTransientConnectionException("pool")));
        assertTrue(DatabaseOutage.isUnavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.isUnavailable(new SQLException("the database system is starting up",
                "57P03")));
        assertTrue(DatabaseOutage.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseOutage.isUnavailable(new RuntimeException(new ConnectException("refused"))));
        // Seen in the outage fault test: the connection died at COMMIT and Narayana reports no cause.
        assertTrue(DatabaseOutage.isUnavailable(new RuntimeException("Error invoking subclass method",
                new RollbackException("ARJUNA016053: Could not commit transaction."))));
    }

    @Test
    void shouldNotTakeATransactionOurCodeMarkedForRollbackForAnOutage() {
        RollbackException marked = new RollbackException("ARJUNA016053: Could not commit transaction.");
        marked.initCause(new Throwable("setRollbackOnly called from:"));
        assertFalse(DatabaseOutage.isUnavailable(new RuntimeException(marked)));
    }

    @Test
    void shouldLeaveOtherFailuresAlone() {
        assertFalse(DatabaseOutage.isUnavailable(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.isUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isUnavailable(new PersistenceException("no cause")));
    }

    @Test
    void shouldAnswer503WithRetryAfter() {
        Response r = new ProblemMapper().unexpected(
                new JDBCConnectionException("I/O error", new SQLException("broken pipe", "08006")), null);
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS),
                String.valueOf(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(r.getMediaType()));
    }
}
