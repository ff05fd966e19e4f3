package io.rapport.delivery;

import io.vertx.core.http.HttpServerRequest;

/** The caller's IP address, as Vert.x resolved it (forwarded headers only when the proxy settings allow them). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
