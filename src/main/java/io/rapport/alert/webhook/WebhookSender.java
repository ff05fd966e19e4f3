package io.rapport.alert.webhook;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs a webhook to the address its URL check approved: Vert.x connects to that address while the request keeps
 * the URL's host for {@code Host}, TLS server name and certificate check. So a DNS answer that changes after the
 * check (rebinding) cannot send the request elsewhere. No redirects are followed; the response body is discarded.
 */
final class WebhookSender {

    /** The sender's own event loop; see {@link #post}. */
    private static final class Loop extends AbstractVerticle {
        Context loop() {
            return context;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration readTimeout;
    private final Loop loop = new Loop();
    private final String deployment;

    WebhookSender(Vertx vertx, Duration connectTimeout, Duration readTimeout) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(false));
        this.readTimeout = readTimeout;
        this.deployment = vertx.deployVerticle(loop).toCompletionStage().toCompletableFuture().join();
    }

    /** Completes with the response's status code, or exceptionally when there is no response. */
    CompletableFuture<Integer> post(WebhookUrlValidator.Target target, Map<String, String> headers, String body) {
        RequestOptions options = options(target, HttpMethod.POST);
        headers.forEach(options::putHeader);
        // Vert.x answers on the context that sent the request. The relay waits for its batch on a worker
        // context, which would hold back those answers; the sender's own event loop never waits.
        CompletableFuture<Integer> status = new CompletableFuture<>();
        loop.loop().runOnContext(ignored -> client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> {
                    response.handler(chunk -> {
                    });
                    return response.end().map(done -> response.statusCode());
                })
                .onComplete(result -> complete(status, result)));
        return status;
    }

    /** A GET's status and body; the body stops at {@code maxBytes} (then {@code truncated}). */
    record Fetched(int status, Buffer body, boolean truncated) {
    }

    /** GETs the target the same pinned way; completes exceptionally when there is no response. */
    CompletableFuture<Fetched> get(WebhookUrlValidator.Target target, Map<String, String> headers, int maxBytes) {
        RequestOptions options = options(target, HttpMethod.GET);
        headers.forEach(options::putHeader);
        CompletableFuture<Fetched> fetched = new CompletableFuture<>();
        loop.loop().runOnContext(ignored -> client.request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    Buffer body = Buffer.buffer();
                    boolean[] truncated = { false };
                    response.handler(chunk -> {
                        if (body.length() + chunk.length() > maxBytes) {
                            truncated[0] = true;
                        } else {
                            body.appendBuffer(chunk);
                        }
                    });
                    return response.end().map(done -> new Fetched(response.statusCode(), body, truncated[0]));
                })
                .onComplete(result -> complete(fetched, result)));
        return fetched;
    }

    private static <T> void complete(CompletableFuture<T> future, io.vertx.core.AsyncResult<T> result) {
        if (result.succeeded()) {
            future.complete(result.result());
        } else {
            future.completeExceptionally(result.cause());
        }
    }

    private RequestOptions options(WebhookUrlValidator.Target target, HttpMethod method) {
        boolean https = target.uri().getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = target.uri().getPort() > 0 ? target.uri().getPort() : https ? 443 : 80;
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        String query = target.uri().getRawQuery();
        return new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.uri().getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(query == null ? path : path + "?" + query)
                .setFollowRedirects(false)
                .setIdleTimeout(readTimeout.toMillis());
    }

    void close() {
        client.close();
        // At shutdown Vert.x may have undeployed it already.
        if (vertx.deploymentIDs().contains(deployment)) {
            vertx.undeploy(deployment);
        }
    }
}
