package io.rapport.common.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Stops the embedded server after the application has stopped serving requests. */
@Singleton
public class EmbeddedPostgresLifecycle {

    void onStart(@Observes StartupEvent event) {
        if (EmbeddedPostgres.running() && LaunchMode.current() != LaunchMode.NORMAL) {
            // Dev mode restarts the application many times in one JVM; the server lives as long as the JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stop, "embedded-postgres-stop"));
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            EmbeddedPostgres.stop();
        }
    }
}
