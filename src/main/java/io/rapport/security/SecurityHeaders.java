package io.rapport.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries. Pages that need a different Content-Security-Policy set their own; these are
 * added at the end only where a handler set none.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::headers, 100);
    }

    void headers(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> {
            MultiMap h = rc.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (!h.contains("X-Frame-Options")) {
                h.set("X-Frame-Options", "DENY");
            }
            if (!h.contains("Referrer-Policy")) {
                h.set("Referrer-Policy", "no-referrer");
            }
            // Swagger UI and the Dev UI load their own scripts and styles.
            if (!h.contains("Content-Security-Policy") && !path.startsWith("/q/")) {
                h.set("Content-Security-Policy", API_CSP);
            }
        });
        rc.next();
    }
}
