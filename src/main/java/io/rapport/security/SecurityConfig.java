package io.rapport.security;

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
}
