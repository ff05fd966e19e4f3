package io.rapport.fhir.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.fhir.FhirException;

/** The time range {@code [from, before)} that {@code date} search values select, ANDed; null ends are open. */
record DateRange(Instant from, Instant before) {

    private static final Pattern PREFIXED = Pattern.compile("(eq|ge|le|gt|lt)?(\\d{4}(-\\d{2}(-\\d{2}(T.+)?)?)?)");

    static DateRange parse(List<String> values, String name) {
        Instant from = null;
        Instant before = null;
        for (String raw : values == null ? List.<String> of() : values) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Matcher m = PREFIXED.matcher(raw.trim());
            if (!m.matches()) {
                throw FhirException.invalid(name, "must be a date (2026-11-20, 2026-11, 2026) or a date-time with an"
                        + " offset (2026-11-20T15:00:00Z), optionally after eq, ge, le, gt or lt");
            }
            Instant[] bounds = bounds(m.group(2), name);
            String prefix = m.group(1) == null ? "eq" : m.group(1);
            Instant f = switch (prefix) {
                case "eq", "ge" -> bounds[0];
                case "gt" -> bounds[1];
                default -> null;
            };
            Instant b = switch (prefix) {
                case "eq", "le" -> bounds[1];
                case "lt" -> bounds[0];
                default -> null;
            };
            from = f == null ? from : from == null || f.isAfter(from) ? f : from;
            before = b == null ? before : before == null || b.isBefore(before) ? b : before;
        }
        return new DateRange(from, before);
    }

    boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (before == null || t.isBefore(before));
    }

    /** The first instant the value covers and the first after it, by the value's precision. */
    private static Instant[] bounds(String value, String name) {
        try {
            if (value.length() == 4) {
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return new Instant[] { utc(start), utc(start.plusYears(1)) };
            }
            if (value.length() == 7) {
                LocalDate start = LocalDate.parse(value + "-01");
                return new Instant[] { utc(start), utc(start.plusMonths(1)) };
            }
            if (value.length() == 10) {
                LocalDate start = LocalDate.parse(value);
                return new Instant[] { utc(start), utc(start.plusDays(1)) };
            }
            OffsetDateTime t = OffsetDateTime.parse(value);
            ChronoUnit unit = t.getNano() != 0 ? ChronoUnit.MICROS
                    : value.matches(".*T\\d{2}:\\d{2}:\\d{2}.*") ? ChronoUnit.SECONDS : ChronoUnit.MINUTES;
            return new Instant[] { t.toInstant(), t.toInstant().plus(1, unit) };
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw FhirException.invalid(name, "is not a valid date or date-time with an offset");
        }
    }

    private static Instant utc(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
