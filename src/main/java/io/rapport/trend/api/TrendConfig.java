package io.rapport.trend.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default rules for trend events; an organization may override them. */
@ConfigMapping(prefix = "rapport.trend")
public interface TrendConfig {

    /** z of the reliable change index: a change is reliable when |Δ| ≥ z·√2·SD·√(1−r). */
    @WithDefault("1.96")
    double rciZ();

    /** Earlier scores a pair needs before a personal drop can be judged. */
    @WithDefault("3")
    int personalDropMinEarlier();

    /**
     * How many error SDs (the larger of the pair's own SD and the organization's error SD) a score must fall below
     * the mean of the pair's earlier scores to count as a personal drop; the default is what the rupture simulation
     * supports.
     */
    @WithDefault("3")
    double personalDropSdMultiplier();

    /**
     * z a drop from the previous score must reach, in units of √2 · error SD, to count as a reliable drop; above
     * {@code rci-z} because every session is tested. The default is what the rupture simulation supports.
     */
    @WithDefault("3")
    double reliableDropZ();

    /** Sessions after a rupture within which a repair is looked for. */
    @WithDefault("3")
    int repairWindow();

    /** Consecutive expired assignments that raise a no-response event. */
    @WithDefault("2")
    int noResponseExpiries();
}
