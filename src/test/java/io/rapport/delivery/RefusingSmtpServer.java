package io.rapport.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A mail server of a few lines for one test: it refuses every message with {@code 451} (temporary failure, as
 * when greylisting or overloaded) until {@link #refuseUntil}, then takes mail over plain SMTP (EHLO, MAIL, RCPT,
 * DATA) and keeps each message's recipients. Hand-written because a library server (GreenMail) cannot refuse for a
 * while and then recover.
 */
public class RefusingSmtpServer implements QuarkusTestResourceLifecycleManager {

    /** One accepted message: its recipients and its text. */
    public record Message(List<String> recipients, String data) {
    }

    static volatile Instant refuseUntil = Instant.MAX;
    static final List<Message> ACCEPTED = new CopyOnWriteArrayList<>();
    static final AtomicInteger REFUSED = new AtomicInteger();

    private ServerSocket server;
    private ExecutorService pool;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        pool = Executors.newCachedThreadPool();
        pool.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    pool.submit(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getLocalPort()), "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false", "quarkus.mailer.login", "DISABLED");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing at the end of the run.
        }
        pool.shutdownNow();
    }

    private static void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 localhost ESMTP test");
            List<String> recipients = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 localhost");
                    case "MAIL" -> {
                        recipients.clear();
                        if (Instant.now().isBefore(refuseUntil)) {
                            REFUSED.incrementAndGet();
                            reply(out, "451 4.3.0 Mail refused for now, try again later");
                        } else {
                            reply(out, "250 OK");
                        }
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d).append('\n');
                        }
                        ACCEPTED.add(new Message(List.copyOf(recipients), data.toString()));
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // The client hung up.
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
