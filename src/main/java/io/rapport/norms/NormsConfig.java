package io.rapport.norms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Local norms computed from the organization's own responses. */
@ConfigMapping(prefix = "rapport.norms")
public interface NormsConfig {

    /**
     * Pairs with a scored response an instrument version needs before its local norms are used for trends and
     * events; below it Rapport says "not enough data yet".
     */
    @WithDefault("30")
    int minPairs();

    /**
     * How often the norms job recomputes every organization's norms, off the request path; {@code off} disables the
     * job (admins can still run it through {@code POST /api/v1/norms/recompute}).
     */
    @WithDefault("10m")
    String interval();
}
