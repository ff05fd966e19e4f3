package io.rapport.common.web;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.rapport.common.error.Problem;
import io.vertx.ext.web.Router;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with 413 problem details before it
 * is read; the HTTP layer's own 413 (left for chunked bodies) has no body at all.
 */
@Singleton
public class BodyLimit {

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            // The FHIR facade answers with an OperationOutcome of its own (fhir.FhirBodyLimit).
            if (length == null || !tooLarge(length) || ApiPaths.isFhir(context.request().path())) {
                context.next();
                return;
            }
            String requestId = UUID.randomUUID().toString();
            Problem problem = new Problem("urn:rapport:problem:payload-too-large", "Content Too Large", 413,
                    "The body may be at most " + maxBytes + " bytes", context.request().path(), requestId, List.of());
            context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestIdFilter.HEADER, requestId).putHeader(HttpHeaderNames.CONNECTION, "close")
                    .end(encode(problem));
        });
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record is always serializable", e);
        }
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
