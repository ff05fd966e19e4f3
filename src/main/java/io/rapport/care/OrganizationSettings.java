package io.rapport.care;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An organization's own settings, read and written by its admins through {@code /api/v1/organization} and the
 * settings page. {@code linkTtlHours}: how long a form link works, 1 to 2160 hours (90 days, the bound
 * organizations are created with). {@code reminderDelayHours}: when the one reminder e-mail is due after a form is
 * issued, at least 1 hour and shorter than the link lifetime. {@code languages}: the client languages offered, at
 * least one of {@code en}, {@code es}, {@code de}. Lifetime and delay apply to forms issued after a change.
 * {@code candourLine}: whether the form shows a line inviting honest low ratings (off by default; absent in a
 * PUT keeps it as it is). {@code clientChart}: whether clients see a chart of their own past totals after
 * answering, unless their therapist turned it off for the pair (off by default; absent in a PUT keeps it).
 */
public record OrganizationSettings(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(OrganizationRequest.MAX_LINK_TTL_HOURS) Integer linkTtlHours,
        @NotNull @Min(1) @Max(OrganizationRequest.MAX_LINK_TTL_HOURS - 1) Integer reminderDelayHours,
        @NotNull @Size(min = 1, max = 10) List<@NotNull String> languages,
        Boolean candourLine,
        Boolean clientChart) {
}
