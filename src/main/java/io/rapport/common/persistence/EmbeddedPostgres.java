package io.rapport.common.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL server used when no datasource URL is configured. One server per JVM: dev-mode
 * restarts load application classes again, so the running server is found through system properties,
 * not a static field.
 */
public final class EmbeddedPostgres {

    static final String URL_PROPERTY = "io.rapport.embedded-postgres.jdbc-url";
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
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            createApplicationRole(server.getPostgresDatabase());
            // No user in the URL: it would override the role each connection asks for.
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            System.setProperty(URL_PROPERTY, url);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterDrain(drainTime), "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms, data in %s", server.getPort(),
                    (System.nanoTime() - start) / 1_000_000, dir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dataDirectory
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use an external server", e);
        }
    }

    /**
     * Creates the application's login role unless it exists. The embedded server trusts local connections, so
     * it needs no password.
     */
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
