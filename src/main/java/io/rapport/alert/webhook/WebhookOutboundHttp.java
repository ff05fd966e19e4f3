package io.rapport.alert.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.alert.AlertConfig;
import io.rapport.common.outbound.OutboundHttp;
import io.vertx.core.Vertx;

/**
 * The webhook room's URL policy and pinned connections offered to other rooms: the same
 * {@code rapport.alert.webhooks.allow-private-addresses} and timeouts as webhook deliveries.
 */
@ApplicationScoped
public class WebhookOutboundHttp implements OutboundHttp {

    private final WebhookUrlValidator urls;
    private final WebhookSender http;
    private final AlertConfig.Webhooks config;

    public WebhookOutboundHttp(AlertConfig config, Vertx vertx) {
        this.config = config.webhooks();
        this.urls = new WebhookUrlValidator(this.config.allowPrivateAddresses());
        this.http = new WebhookSender(vertx, this.config.connectTimeout(), this.config.readTimeout());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public URI check(String field, String url) {
        return urls.target(url, field).uri();
    }

    @Override
    public boolean allowsPrivateAddresses() {
        return config.allowPrivateAddresses();
    }

    @Override
    public String get(String field, String url, String accept, int maxBytes) throws IOException {
        WebhookUrlValidator.Target target = urls.target(url, field);
        WebhookSender.Fetched fetched;
        try {
            fetched = http.get(target, Map.of("Accept", accept), maxBytes)
                    .get(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("no answer: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (fetched.status() < 200 || fetched.status() > 299) {
            throw new IOException("answered HTTP " + fetched.status());
        }
        if (fetched.truncated()) {
            throw new IOException("answered more than " + maxBytes + " bytes");
        }
        return fetched.body().toString(StandardCharsets.UTF_8);
    }
}
