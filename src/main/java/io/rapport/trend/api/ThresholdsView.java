package io.rapport.trend.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The rules for trend events, as read and written through {@code /api/v1/trend-settings}. {@code custom} is false
 * while the organization uses the defaults. {@code reliableDropZ} may be left out of a PUT: it then keeps the
 * configured default.
 */
public record ThresholdsView(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal rciZ,
        @NotNull @Min(2) @Max(100) Integer personalDropMinEarlier,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal personalDropSdMultiplier,
        @NotNull @Min(1) @Max(50) Integer repairWindow,
        @NotNull @Min(1) @Max(50) Integer noResponseExpiries,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal reliableDropZ,
        Boolean custom) {
}
