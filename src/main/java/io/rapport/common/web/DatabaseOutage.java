package io.rapport.common.web;

/** Tells a lost or refused database connection, a temporary condition worth a 503, from a bug. */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** What a client is told to wait before retrying while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * True when the failure, or one of its causes, is a lost or refused database connection: Hibernate's
     * JDBCConnectionException, the JDBC connection exception types, SQLSTATE class 08 (connection exception) or
     * 57P01-57P03 (server shutting down or starting), Agroal's acquisition timeout, or a refused socket.
     */
    static boolean isUnavailable(Throwable e) {
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause()) {
            if (e instanceof org.hibernate.exception.JDBCConnectionException
                    || e instanceof java.sql.SQLTransientConnectionException
                    || e instanceof java.sql.SQLNonTransientConnectionException
                    || e instanceof java.net.ConnectException) {
                return true;
            }
            if (e instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) {
                    return true;
                }
            }
            // The commit itself failed (the connection died at COMMIT); a transaction marked for rollback by
            // our own code carries the "setRollbackOnly called from" trace as its cause instead.
            if (e instanceof jakarta.transaction.RollbackException && e.getCause() == null) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }
}
