package io.rapport.dashboard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Browser pages get a strict CSP and are never cached: they show clinical data. */
public class PageHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/login") && !path.startsWith("/login/") && !path.equals("/logout") && !path.equals("/app")
                && !path.startsWith("/app/")) {
            return;
        }
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
    }
}
