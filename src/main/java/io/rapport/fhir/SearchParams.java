package io.rapport.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.common.web.Ids;

/** Values of FHIR search parameters: references and dates with prefixes. */
public final class SearchParams {

    private static final Pattern PREFIXED = Pattern.compile("(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SearchParams() {
    }

    /**
     * The id of a reference parameter, {@code Type/id}, an absolute URL ending in it, or a bare id. Empty when it
     * cannot be a Rapport id (a UUID) of that type, which then matches nothing.
     */
    public static Optional<UUID> reference(String value, String type) {
        String v = value.trim();
        int at = v.lastIndexOf(type + "/");
        if (at >= 0 && (at == 0 || v.charAt(at - 1) == '/')) {
            v = v.substring(at + type.length() + 1);
        } else if (v.contains("/")) {
            return Optional.empty();
        }
        return Ids.tryParse(v);
    }

    /**
     * A value with FHIR's search escapes ({@code \|}, {@code \,}, {@code \$}, {@code \\}) undone. HAPI's
     * generic client escapes a canonical's {@code |}; the version separator is the only {@code |} a canonical can
     * hold, so the escaped form means the same search.
     */
    public static String unescape(String value) {
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        return value.replaceAll("\\\\([|,$\\\\])", "$1");
    }

    /** A time range {@code [from, before)}; null ends are open. */
    public record Range(Instant from, Instant before) {

        public static final Range ALL = new Range(null, null);

        /** Both ranges at once, as repeated date parameters are ANDed. */
        public Range and(Range other) {
            Instant f = from == null ? other.from : other.from == null ? from : max(from, other.from);
            Instant b = before == null ? other.before : other.before == null ? before : min(before, other.before);
            return new Range(f, b);
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }

    /**
     * The range that date search values select, ANDed: each is {@code [eq|ge|le|gt|lt]} and a date, year-month,
     * year, or date-time with offset. A date without a time is a UTC day. Anything else is a 400 naming {@code name}.
     */
    public static Range dates(List<String> values, String name) {
        Range range = Range.ALL;
        if (values == null) {
            return range;
        }
        for (String raw : values) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            Matcher m = PREFIXED.matcher(raw.trim());
            m.matches();
            String prefix = m.group(1) == null ? "eq" : m.group(1);
            Instant[] bounds = bounds(m.group(2), name);
            Range r = switch (prefix) {
                case "eq" -> new Range(bounds[0], bounds[1]);
                case "ge" -> new Range(bounds[0], null);
                case "gt" -> new Range(bounds[1], null);
                case "le" -> new Range(null, bounds[1]);
                case "lt" -> new Range(null, bounds[0]);
                default -> throw FhirException.invalid(name, "the prefix " + prefix
                        + " is not supported; use eq, ge, le, gt or lt");
            };
            range = range.and(r);
        }
        return range;
    }

    /** The first instant the value covers and the first after it, by the value's precision. */
    private static Instant[] bounds(String value, String name) {
        try {
            if (YEAR.matcher(value).matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return new Instant[] { utc(start), utc(start.plusYears(1)) };
            }
            if (MONTH.matcher(value).matches()) {
                LocalDate start = LocalDate.parse(value + "-01");
                return new Instant[] { utc(start), utc(start.plusMonths(1)) };
            }
            if (DAY.matcher(value).matches()) {
                LocalDate start = LocalDate.parse(value);
                return new Instant[] { utc(start), utc(start.plusDays(1)) };
            }
            OffsetDateTime t = OffsetDateTime.parse(value);
            ChronoUnit unit = t.getNano() != 0 ? ChronoUnit.MICROS : ChronoUnit.SECONDS;
            if (!value.matches(".*T\\d{2}:\\d{2}:\\d{2}.*")) {
                unit = ChronoUnit.MINUTES;
            }
            Instant start = t.toInstant();
            return new Instant[] { start, start.plus(1, unit) };
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw FhirException.invalid(name, "must be a date (2026-11-20, 2026-11, 2026) or a date-time with an"
                    + " offset (2026-11-20T15:00:00Z), optionally after eq, ge, le, gt or lt");
        }
    }

    private static Instant utc(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
