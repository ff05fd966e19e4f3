package io.rapport.care;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /api/v1/pairs/{pairId}/client-chart}: false turns the client's own chart off for this pair;
 * true leaves it to the organization's setting.
 */
public record ClientChartRequest(@NotNull Boolean clientChart) {
}
