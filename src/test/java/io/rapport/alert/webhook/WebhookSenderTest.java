package io.rapport.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.rapport.common.error.ApiException;
import io.vertx.core.Vertx;

/**
 * DNS rebinding: the host's first answer passes the URL check, later answers point elsewhere. The attempt must go
 * to the address that was checked, with the URL's own host name in {@code Host}.
 */
class WebhookSenderTest {

    private Vertx vertx;
    private HttpServer receiver;
    private final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // Bound to 127.0.0.1 only: nothing answers on 127.0.0.2, where a second lookup would lead.
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hook", x -> {
            hosts.add(x.getRequestHeaders().getFirst("Host"));
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void shouldConnectToTheCheckedAddressWhateverTheNextAnswerSays() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookUrlValidator urls = new WebhookUrlValidator(true, host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2") });
        int port = receiver.getAddress().getPort();
        WebhookUrlValidator.Target target = urls.target("http://hooks.clinic.example:" + port + "/hook?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.1");

        WebhookSender sender = new WebhookSender(vertx, Duration.ofSeconds(2), Duration.ofSeconds(5));
        int status = sender.post(target, Map.of("content-type", "application/json"), "{}").get(10, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(204);
        assertThat(lookups).hasValue(1);
        assertThat(hosts).containsExactly("hooks.clinic.example:" + port);
        // A new attempt checks again, and its connection follows the new answer: here nobody listens there.
        WebhookUrlValidator.Target next = urls.target("http://hooks.clinic.example:" + port + "/hook");
        assertThat(next.address().getHostAddress()).isEqualTo("127.0.0.2");
        assertThatThrownBy(() -> sender.post(next, Map.of(), "{}").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(hosts).hasSize(1);
        sender.close();
    }

    @Test
    void shouldRefuseAHostWhoseCheckedAnswerIsPrivateBeforeAnyConnection() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookUrlValidator urls = new WebhookUrlValidator(false, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] { InetAddress.getByName("10.0.0.7") };
        });
        assertThatThrownBy(() -> urls.target("https://hooks.clinic.example/hook")).isInstanceOf(ApiException.class)
                .hasMessageContaining("private");
        assertThat(lookups).hasValue(1);
        assertThat(hosts).isEmpty();
    }
}
