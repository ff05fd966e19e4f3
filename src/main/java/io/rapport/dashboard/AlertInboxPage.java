package io.rapport.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of the alert inbox, with the filter it was asked for and what the filter form offers. */
public record AlertInboxPage(List<Row> rows, Filter filter, long total, int page, int size, List<Option> types,
        List<Option> pairs, boolean wholeOrganization) {

    /** What the inbox was asked for; {@code type} and {@code pair} are null for "all". */
    public record Filter(String type, UUID pair, String status) {

        public boolean acknowledged() {
            return "acknowledged".equals(status);
        }

        /** The inbox address with this filter, from page {@code page} (counted from 0). */
        public String link(int page) {
            StringBuilder sb = new StringBuilder("/app/alerts?status=").append(status);
            if (type != null) {
                sb.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
            }
            if (pair != null) {
                sb.append("&pair=").append(pair);
            }
            if (page > 0) {
                sb.append("&page=").append(page);
            }
            return sb.toString();
        }
    }

    /** A choice of a filter's select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A number behind an alert, such as the score or the cutoff. */
    public record Figure(String name, String value) {
    }

    /**
     * One alert with its explanation; {@code explanation} is null for alerts raised before explanations existed,
     * whose {@code figures} still show the numbers. {@code acknowledgedBy} names the person or key.
     */
    public record Row(UUID id, String type, String typeLabel, UUID pairId, String client, String therapist,
            String questionnaireId, int sessionNumber, String explanation, List<Figure> figures, Instant createdAt,
            boolean open, String acknowledgedBy, Instant acknowledgedAt, String note) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Counted from 1, as people count pages. */
    public int pageNumber() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public String previousLink() {
        return filter.link(page - 1);
    }

    public String nextLink() {
        return filter.link(page + 1);
    }

    public String selfLink() {
        return filter.link(page);
    }

    public boolean filtered() {
        return filter.type() != null || filter.pair() != null;
    }
}
