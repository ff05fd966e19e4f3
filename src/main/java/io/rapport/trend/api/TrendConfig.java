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

    /** How many SDs of the pair's earlier scores a score must fall below their mean to count as a personal drop. */
    @WithDefault("2")
    double personalDropSdMultiplier();

    /** Sessions after a rupture within which a repair is looked for. */
    @WithDefault("3")
    int repairWindow();

    /** Consecutive expired assignments that raise a no-response event. */
    @WithDefault("2")
    int noResponseExpiries();
}
