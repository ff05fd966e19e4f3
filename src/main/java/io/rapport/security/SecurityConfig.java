package io.rapport.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.security")
public interface SecurityConfig {

    /**
     * An admin API key for the default organization, created at start if missing. Set it through
     * {@code RAPPORT_BOOTSTRAP_API_KEY} to make a first call on a new installation.
     */
    Optional<String> bootstrapApiKey();

    /**
     * The platform operator's API key, set through {@code RAPPORT_OPERATOR_API_KEY}. The operator creates
     * organizations and never sees client data.
     */
    Optional<String> operatorApiKey();

    /** Sustained requests per second allowed for one API key on one instance. */
    @WithDefault("50")
    double apiRequestsPerSecond();

    /** Requests one API key may send in a burst above the sustained rate. */
    @WithDefault("200")
    double apiBurst();

    /** Sign-in to the pages with a username and password. */
    Web web();

    interface Web {
        /** A web session unused for this long ends; the next request goes to the login page. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A web session ends this long after login, however active it is. */
        @WithDefault("12H")
        Duration absoluteTimeout();

        /** The bcrypt cost of new password hashes; at least 10. */
        @WithDefault("12")
        int bcryptCost();

        /** Failed logins for one username within {@link #failureWindow()} before further attempts get 429. */
        @WithDefault("5")
        int maxFailuresPerUsername();

        /**
         * Failed logins from one address within {@link #failureWindow()} before further attempts get 429. Higher
         * than the per-username limit because a clinic's staff often share one public address.
         */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /** How long a failed login counts against its username and address. */
        @WithDefault("5M")
        Duration failureWindow();
    }
}
