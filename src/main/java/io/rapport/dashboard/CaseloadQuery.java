package io.rapport.dashboard;

import java.util.Locale;

/**
 * Filter, sort and page of the caseload, from query parameters. Unknown or malformed values fall back to the
 * defaults: a hand-edited address should still show a page.
 */
public record CaseloadQuery(String filter, Sort sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    static final int MAX_FILTER = 100;

    /** Sort keys; each names a column of the page query, never user text. */
    public enum Sort {
        client("lower(coalesce(c.display_name, c.external_id))"),
        sessions("p.session_count"),
        last("p.last_session_at"),
        /** Raw totals: instruments with different ranges do not compare, but within one they do. */
        score("sp.latest"),
        alerts("al.open_alerts");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    public static CaseloadQuery of(String filter, String sort, String dir, String page, String size) {
        String f = filter == null ? "" : filter.strip();
        if (f.length() > MAX_FILTER) {
            f = f.substring(0, MAX_FILTER);
        }
        Sort s = Sort.client;
        for (Sort candidate : Sort.values()) {
            if (candidate.name().equals(sort)) {
                s = candidate;
            }
        }
        boolean desc = "desc".equals(dir == null ? null : dir.toLowerCase(Locale.ROOT));
        return new CaseloadQuery(f, s, desc, number(page, 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                number(size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return page * size;
    }

    private static int number(String value, int fallback, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            return n < min || n > max ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
