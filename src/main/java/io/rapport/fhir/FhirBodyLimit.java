package io.rapport.fhir;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} (an oversized Bundle, say) gets a 413
 * OperationOutcome on /fhir before it is read, as {@code common.web.BodyLimit} does with problem details elsewhere.
 */
@Singleton
public class FhirBodyLimit {

    private final long maxBytes;

    public FhirBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/fhir(/.*)?").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (length == null || !tooLarge(length)) {
                context.next();
                return;
            }
            String body = Fhir.encode(OperationOutcomeFilter.outcomeOf(413, "The body may be at most " + maxBytes
                    + " bytes", List.of()));
            context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Fhir.JSON)
                    .putHeader(HttpHeaderNames.CONNECTION, "close").end(body);
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
