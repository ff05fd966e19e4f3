package io.rapport.fhir;

import java.util.List;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/**
 * A page of search results as a {@code searchset} Bundle: {@code total} counts every match, {@code next} points
 * at the following page. {@code _count} is capped by {@link FhirConfig#maxCount()}; pages are addressed by
 * {@code _offset}.
 */
public final class Searchset {

    public static final String COUNT = "_count";
    public static final String OFFSET = "_offset";

    private Searchset() {
    }

    /** The page the request asks for; bad paging parameters are a 400 naming the parameter. */
    public record Page(int offset, int count) {

        public static Page of(UriInfo uri, FhirConfig config) {
            int count = Math.min(number(uri, COUNT, config.defaultCount()), config.maxCount());
            return new Page(number(uri, OFFSET, 0), count);
        }

        private static int number(UriInfo uri, String name, int fallback) {
            String value = uri.getQueryParameters().getFirst(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n < 0) {
                    throw FhirException.invalid(name, "must not be negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw FhirException.invalid(name, "must be a whole number");
            }
        }
    }

    /** The server's FHIR base URL as the caller reached it, without a trailing slash. */
    public static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/fhir";
    }

    /** A page of {@code matches}, all of which the caller may see. */
    public static Bundle of(UriInfo uri, Page page, List<? extends Resource> matches) {
        return of(uri, page, matches.subList(Math.min(page.offset(), matches.size()),
                Math.min(matches.size(), page.offset() + page.count())), matches.size());
    }

    /** One page already cut by the caller, out of {@code total} matches. */
    public static Bundle of(UriInfo uri, Page page, List<? extends Resource> entries, int total) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal(total);
        String base = base(uri);
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (page.offset() + page.count() < total && page.count() > 0) {
            UriBuilder next = uri.getRequestUriBuilder().replaceQueryParam(OFFSET, page.offset() + page.count())
                    .replaceQueryParam(COUNT, page.count());
            bundle.addLink().setRelation("next").setUrl(next.build().toString());
        }
        for (Resource r : entries) {
            bundle.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
                    .setResource(r).getSearch().setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
