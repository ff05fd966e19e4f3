package io.rapport.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.demo")
public interface DemoConfig {

    /**
     * Seeds a demo organization with logins and pairs at start, once. On in dev mode only: the demo passwords are
     * published in the README.
     */
    @WithDefault("false")
    boolean enabled();
}
