package io.rapport.trend.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.rapport.trend.PairTrend;
import io.rapport.trend.SplitAlliance;

/**
 * One instrument's trend for a pair, with the questionnaire version whose constants were used, those constants and
 * their sources per scale, and, for sessions held jointly with other clients, the split between the raters.
 */
public record InstrumentTrend(@JsonUnwrapped PairTrend trend, String version,
        @JsonInclude(JsonInclude.Include.NON_NULL) SplitAlliance splitAlliance, List<ConstantsUsed> constants) {
}
