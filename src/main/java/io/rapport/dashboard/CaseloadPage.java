package io.rapport.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One page of the caseload with what the page needs for its sort links and pager. */
public record CaseloadPage(List<CaseloadRow> rows, CaseloadQuery query, long total) {

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 0;
    }

    public boolean hasNext() {
        return (long) (query.page() + 1) * query.size() < total;
    }

    public int firstShown() {
        return rows.isEmpty() ? 0 : query.offset() + 1;
    }

    public int lastShown() {
        return query.offset() + rows.size();
    }

    /** Counted from 1, as people count pages. */
    public int pageNumber() {
        return query.page() + 1;
    }

    public String previousLink() {
        return link(query.sort().name(), query.descending(), query.page() - 1);
    }

    public String nextLink() {
        return link(query.sort().name(), query.descending(), query.page() + 1);
    }

    /** The address that sorts by this key: ascending first, reversed when it is already the sort. */
    public String sortLink(String key) {
        boolean current = query.sort().name().equals(key);
        return link(key, current && !query.descending(), 0);
    }

    /** The value of {@code aria-sort} for this key's column header. */
    public String ariaSort(String key) {
        if (!query.sort().name().equals(key)) {
            return "none";
        }
        return query.descending() ? "descending" : "ascending";
    }

    private String link(String sort, boolean descending, int page) {
        StringBuilder sb = new StringBuilder("/app?sort=").append(sort).append("&dir=")
                .append(descending ? "desc" : "asc");
        if (!query.filter().isEmpty()) {
            sb.append("&q=").append(URLEncoder.encode(query.filter(), StandardCharsets.UTF_8));
        }
        if (page > 0) {
            sb.append("&page=").append(page);
        }
        if (query.size() != CaseloadQuery.DEFAULT_SIZE) {
            sb.append("&size=").append(query.size());
        }
        return sb.toString();
    }
}
