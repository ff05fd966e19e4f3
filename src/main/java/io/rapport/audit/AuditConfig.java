package io.rapport.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.audit")
public interface AuditConfig {

    /**
     * Hash chains per organization. Appends to one chain wait for each other until commit; with one chain all
     * audited requests of an organization did. Lowering it later is safe: every chain in the table is verified.
     */
    @WithDefault("16")
    int chains();
}
