package io.rapport.insight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Agency insight: who is compared with whom, and what is never shown. */
@ConfigMapping(prefix = "rapport.insight")
public interface InsightConfig {

    /**
     * Pairs with a scored total in the period a therapist needs before their alliance figures are shown or ranked;
     * below it the row says so instead of showing a mean of one or two clients.
     */
    @WithDefault("5")
    int minPairs();

    /**
     * Distinct clients a cell (a therapist, a tag, a month, the organization) needs before any of its figures is
     * shown, on the API, the pages and every export; smaller cells are suppressed so that no figure describes one
     * or two identifiable people.
     */
    @WithDefault("5")
    int minClients();

    /**
     * An instrument version's scale is flagged when the lower end of alpha's 95 % interval is below this value
     * (the threshold the agency-insight issue sets; an organization may choose a stricter one).
     */
    @WithDefault("0.7")
    double alphaFloor();

    /** The longest period one request may cover, in years. */
    @WithDefault("5")
    int maxPeriodYears();

    /**
     * How often the background job brings the insight summary up to date with what was written since; {@code off}
     * disables it (Quarkus's scheduler reads it). Readers bring their own organization's summary up to date before
     * answering anyway, so this only keeps that catch-up short.
     */
    @WithDefault("30s")
    String summaryInterval();

    /**
     * Pair-months one summary transaction recomputes at most (3–10 ms each): a writer marking one of them waits for
     * that transaction, so it stays short.
     */
    @WithDefault("200")
    int summaryBatch();
}
