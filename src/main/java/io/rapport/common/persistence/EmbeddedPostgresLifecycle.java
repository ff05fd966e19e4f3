package io.rapport.common.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the embedded server that the application started, and stops it once the application has stopped serving
 * requests. Dev mode restarts the
 * application many times in one JVM, so there the server lives as long as the JVM.
 */
@Singleton
public class EmbeddedPostgresLifecycle {

    void onStart(@Observes StartupEvent event) {
        EmbeddedPostgres.applicationStarted();
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            EmbeddedPostgres.stop();
        }
    }
}
