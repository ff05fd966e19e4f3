package io.rapport.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every feature. */
@ConfigMapping(prefix = "rapport")
public interface RapportConfig {

    /**
     * The address clients and browsers reach Rapport at, without a trailing slash. Form links are built from
     * it, so behind a proxy it must be the public address.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The embedded PostgreSQL server, used only when no datasource URL is configured. */
    Db db();

    interface Db {
        /** The embedded server. */
        Embedded embedded();
    }

    interface Embedded {
        /** Whether to start an embedded server when {@code quarkus.datasource.jdbc.url} is not set. */
        @WithDefault("true")
        boolean enabled();

        /** Where the embedded server keeps its data; it survives restarts. */
        @WithDefault("data/postgres")
        String dataDir();

        /** The embedded server's port; 0 picks a free one at each start. */
        @WithDefault("0")
        int port();
    }
}
