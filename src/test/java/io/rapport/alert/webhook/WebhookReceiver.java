package io.rapport.alert.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook consumer on 127.0.0.1 for tests: answers 503 while {@link #down}, checks each Standard Webhooks
 * signature against {@link #secret}, and deduplicates accepted events by webhook-id.
 */
public class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String path, String id, JsonNode body, boolean signatureValid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public volatile boolean down = true;
    public volatile String secret;
    /** How long each answer takes, so that an attempt stays in flight. */
    public volatile long delayMillis;
    public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, Request> accepted = new ConcurrentHashMap<>();
    public final List<String> acceptedOrder = Collections.synchronizedList(new ArrayList<>());
    public final List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
        boolean valid = fresh && List.of(signature.split(" ")).contains(expectedSignature(id, timestamp, body));
        Request request = new Request(exchange.getRequestURI().getPath(), id, JSON.readTree(body), valid);
        requests.add(request);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status;
        if (down) {
            status = 503;
        } else if (!valid) {
            status = 400;
        } else {
            status = 204;
            synchronized (this) {
                if (accepted.putIfAbsent(id, request) == null) {
                    acceptedOrder.add(id);
                } else {
                    duplicates.add(id);
                }
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String expectedSignature(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
