package io.rapport.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every request an id that appears in the logs, in problem details and in the response header. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "rapport.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestId(request));
        MDC.remove("requestId");
    }

    public static String requestId(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
