import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed arrival rate (wrk2-style): request i is due at start + i / rate whatever happened to
 * the earlier ones, and its latency is measured from that intended time, so a stall counts for every request it
 * delayed (no coordinated omission). A scheduler thread releases requests on time into a queue; a fixed set of
 * workers, each with its own kept-alive connection, sends them; a request waiting for a free worker is waiting in
 * the service's queue as far as its latency goes. Blocking I/O on a few threads keeps the generator's own CPU low
 * on a 2-core machine. The first WARMUP seconds are sent at the same rate but not counted. No dependencies; run
 * with the JDK's source launcher:
 *
 * <pre>
 * java src/bench/OpenLoop.java BASE_URL PATH RATE SECONDS OUT [--post BODY] [--key API_KEY] [--token-base K]
 *     [--connections N (32)] [--warmup SECONDS (2)]
 * </pre>
 *
 * PATH may contain {k}: request i uses k = token-base + i + 1 (a fresh form token per submission). Writes a JSON
 * summary to OUT and prints it: intended, sent and answered rate, p50/p90/p99/p99.9/max in ms, statuses.
 */
public class OpenLoop {

    private static final long NONE = Long.MIN_VALUE;

    public static void main(String[] args) throws Exception {
        String base = args[0], path = args[1];
        double rate = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        Path out = Path.of(args[4]);
        String body = null, key = null;
        long tokenBase = 0;
        int connections = 32;
        double warmup = 2;
        for (int i = 5; i < args.length; i += 2) {
            switch (args[i]) {
                case "--post" -> body = args[i + 1];
                case "--key" -> key = args[i + 1];
                case "--token-base" -> tokenBase = Long.parseLong(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // The JDK keeps at most 5 idle connections per destination unless told otherwise.
        System.setProperty("http.maxConnections", Integer.toString(connections));
        int skipped = (int) Math.round(rate * warmup);
        int total = skipped + (int) Math.round(rate * seconds);
        long periodNanos = Math.round(1e9 / rate);
        long[] latencyMicros = new long[total];
        Arrays.fill(latencyMicros, NONE);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        BlockingQueue<long[]> due = new ArrayBlockingQueue<>(total + connections);
        byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        String auth = key == null ? null : "Bearer " + key;
        long start = System.nanoTime() + 200_000_000L;
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            long tokens = tokenBase;
            workers[w] = new Thread(() -> {
                byte[] buffer = new byte[8192];
                while (true) {
                    long[] task;
                    try {
                        task = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (task[0] < 0) {
                        return;
                    }
                    int i = (int) task[0];
                    String status;
                    try {
                        HttpURLConnection c = (HttpURLConnection) new URL(
                                base + path.replace("{k}", Long.toString(tokens + i + 1))).openConnection();
                        c.setConnectTimeout(5000);
                        c.setReadTimeout(10000);
                        if (auth != null) {
                            c.setRequestProperty("Authorization", auth);
                        }
                        if (payload != null) {
                            c.setRequestMethod("POST");
                            c.setDoOutput(true);
                            c.setRequestProperty("Content-Type", "application/json");
                            c.setFixedLengthStreamingMode(payload.length);
                            try (OutputStream o = c.getOutputStream()) {
                                o.write(payload);
                            }
                        }
                        int code = c.getResponseCode();
                        // Read to the end and close, so the connection goes back to the keep-alive cache.
                        try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                            while (in != null && in.read(buffer) >= 0) {
                                // drain
                            }
                        }
                        status = Integer.toString(code);
                    } catch (IOException e) {
                        status = "error:" + e.getClass().getSimpleName();
                    }
                    latencyMicros[i] = (System.nanoTime() - task[1]) / 1000;
                    statuses.computeIfAbsent(i < skipped ? "warmup" : status, s -> new AtomicInteger())
                            .incrementAndGet();
                }
            }, "worker-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        long maxLateNanos = 0;
        for (int i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (i >= skipped) {
                maxLateNanos = Math.max(maxLateNanos, -wait);
            }
            due.add(new long[] { i, intended });
        }
        long sendEnd = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            due.add(new long[] { -1, 0 });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Thread w : workers) {
            w.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        int measured = total - skipped;
        long[] sorted = new long[measured];
        int unanswered = 0;
        for (int i = skipped; i < total; i++) {
            long l = latencyMicros[i];
            if (l == NONE) {
                // Never answered: charged from its intended time until now.
                l = (System.nanoTime() - (start + (long) i * periodNanos)) / 1000;
                unanswered++;
            }
            sorted[i - skipped] = l;
        }
        Arrays.sort(sorted);
        Map<String, Integer> counts = new TreeMap<>();
        statuses.forEach((s, n) -> {
            if (!s.equals("warmup")) {
                counts.put(s, n.get());
            }
        });
        int ok = counts.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToInt(Map.Entry::getValue)
                .sum();
        double sendSeconds = (sendEnd - start) / 1e9 - warmup;
        StringBuilder codes = new StringBuilder("{");
        counts.forEach((s, n) -> codes.append(codes.length() > 1 ? "," : "").append('"').append(s).append("\":")
                .append(n));
        codes.append('}');
        String json = String.format(Locale.ROOT,
                "{\"requests\":%d,\"warmup_requests\":%d,\"connections\":%d,\"intended_rps\":%.1f,"
                        + "\"sent_rps\":%.1f,\"duration_s\":%.3f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"p999_ms\":%.2f,\"max_ms\":%.2f,\"errors\":%d,\"unanswered\":%d,"
                        + "\"max_send_lateness_ms\":%.2f,\"statuses\":%s}",
                measured, skipped, connections, rate, measured / sendSeconds, sendSeconds, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[measured - 1] / 1000.0,
                measured - ok, unanswered, maxLateNanos / 1e6, codes);
        Files.writeString(out, json + "\n");
        System.out.println(json);
        System.exit(0);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }
}
