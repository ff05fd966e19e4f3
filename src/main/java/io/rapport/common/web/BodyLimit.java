package io.rapport.common.web;

import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.rapport.common.error.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with 413 problem details before it
 * is read; the HTTP layer's own 413 (left for chunked bodies) has no body at all.
 */
@Singleton
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length == null || !tooLarge(length)) {
                context.next();
                return;
            }
            String requestId = UUID.randomUUID().toString();
            JsonObject problem = new JsonObject().put("type", "urn:rapport:problem:payload-too-large")
                    .put("title", "Content Too Large").put("status", 413)
                    .put("detail", "The body may be at most " + maxBytes + " bytes")
                    .put("instance", context.request().path()).put("requestId", requestId);
            context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestIdFilter.HEADER, requestId).putHeader(HttpHeaderNames.CONNECTION, "close")
                    .end(problem.encode());
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
