package io.rapport.common.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.rapport.common.SecretFiles;

/**
 * The embedded PostgreSQL server used when no datasource URL is configured. One server per JVM: dev-mode
 * restarts load application classes again, so the running server is found through system properties,
 * not a static field.
 */
public final class EmbeddedPostgres {

    static final String URL_PROPERTY = "io.rapport.embedded-postgres.jdbc-url";
    static final String PASSWORD_PROPERTY = "io.rapport.embedded-postgres.password";
    /** Every connection, local or over loopback, proves the password; nothing is trusted. */
    static final String PG_HBA = """
            # Written by Rapport at each start: every role signs in with the password stored beside the data
            # directory (<data-dir>.password, mode 0600), checked with scram-sha-256.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    /** Owns the schema and runs the migrations. */
    public static final String OWNER = "postgres";
    /**
     * The application connects as this role, which may not change the audit trail: a superuser would pass any
     * privilege check. Flyway's afterMigrate callback grants it what it needs.
     */
    public static final String APPLICATION_ROLE = "rapport_app";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    /** Starts the server on first call and returns its JDBC URL. */
    public static String jdbcUrl(Path dataDirectory, int port) {
        return jdbcUrl(dataDirectory, port, Duration.ZERO);
    }

    /**
     * Starts the server on first call and returns its JDBC URL. At JVM exit the server stops after the
     * application has, or after {@code drainTime} at the latest, so requests in flight can still commit.
     */
    public static synchronized String jdbcUrl(Path dataDirectory, int port, Duration drainTime) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        try {
            Path dir = dataDirectory.toAbsolutePath();
            Files.createDirectories(dir.getParent());
            stopOrphan(dir);
            String password = password(dir);
            long start = System.nanoTime();
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky tunes for throwaway test databases; this one holds clinical data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Quarkus stops the server itself, after requests in flight have finished.
                    .setRegisterShutdownHook(false)
                    // zonky's readiness check and data sources sign in with it once pg_hba.conf asks for it.
                    .setConnectConfig("password", password);
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            createApplicationRole(server.getPostgresDatabase());
            requirePassword(server.getPostgresDatabase(), dir, password);
            // No user in the URL: it would override the role each connection asks for.
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            System.setProperty(URL_PROPERTY, url);
            System.setProperty(PASSWORD_PROPERTY, password);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterDrain(drainTime), "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms, data in %s", server.getPort(),
                    (System.nanoTime() - start) / 1_000_000, dir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dataDirectory
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use an external server", e);
        }
    }

    /** The password of both roles of the running embedded server. */
    public static String password() {
        String password = System.getProperty(PASSWORD_PROPERTY);
        if (password == null) {
            throw new IllegalStateException("The embedded PostgreSQL server is not running");
        }
        return password;
    }

    /**
     * The data directory's password, from {@code <data-dir>.password}; created at the first start with 32 random
     * bytes, readable by this user only. initdb's {@code -A trust} applies until {@link #requirePassword} replaces
     * it, which happens before the application connects.
     */
    static String password(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
        SecretFiles.Stored password = SecretFiles.readOrCreate(file, Base64.getUrlEncoder().withoutPadding());
        if (password.value().length() < 32) {
            throw new IOException(file + " holds no usable password; delete it only together with the data directory");
        }
        if (password.created()) {
            LOG.infof("Created %s, the password of the embedded PostgreSQL server; keep it with the data", file);
        }
        return password.value();
    }

    /** Sets both roles' password (scram-sha-256) and makes the server ask every connection for it. */
    static void requirePassword(DataSource owner, Path dataDirectory, String password) throws IOException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            String literal = "'" + password.replace("'", "''") + "'";
            s.execute("ALTER ROLE " + OWNER + " PASSWORD " + literal);
            s.execute("ALTER ROLE " + APPLICATION_ROLE + " PASSWORD " + literal);
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require a password on the embedded PostgreSQL server", e);
        }
    }

    /** Creates the application's login role unless it exists; {@link #requirePassword} gives it its password. */
    public static void createApplicationRole(DataSource owner) {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
                    + "') THEN CREATE ROLE " + APPLICATION_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the role " + APPLICATION_ROLE, e);
        }
    }

    /** Whether this JVM started an embedded server. */
    public static synchronized boolean running() {
        return server != null;
    }

    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            server = null;
            System.clearProperty(URL_PROPERTY);
            System.clearProperty(PASSWORD_PROPERTY);
        }
    }

    /** Set once the application has started: only then can requests be in flight at exit. */
    private static volatile boolean applicationStarted;

    /** Called when the application has started; until then an exit stops the server at once. */
    public static void applicationStarted() {
        applicationStarted = true;
    }

    /**
     * How long the exit hook waits for the application to stop the server itself. An application that failed to
     * start never will (it fires no shutdown event) and serves no requests, so the server stops at once.
     */
    static Duration drainFor(Duration drainTime) {
        return applicationStarted ? drainTime : Duration.ZERO;
    }

    private static void stopAfterDrain(Duration drainTime) {
        long deadline = System.nanoTime() + drainFor(drainTime).toNanos();
        while (running() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running, holding the data directory. Asking it to shut
     * down lets the next start reuse the directory instead of failing.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping orphaned PostgreSQL server (pid %d) left by an earlier run", orphan.get().pid());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("Orphaned PostgreSQL server " + orphan.get().pid() + " did not stop", e);
        }
    }
}
