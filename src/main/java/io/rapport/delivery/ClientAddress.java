package io.rapport.delivery;

import io.vertx.core.http.HttpServerRequest;

/** The caller's IP address, as Vert.x resolved it (forwarded headers only when the proxy settings allow them). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
