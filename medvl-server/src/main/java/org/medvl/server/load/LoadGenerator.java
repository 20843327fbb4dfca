package org.medvl.server.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.medvl.server.models.ModelSet;

/**
 * A closed-loop HTTP load generator for the workbench: {@code clients} threads each send one request, wait for the
 * answer, and send the next, cycling through a mix of endpoints, until the time or request budget is spent. Loopback
 * use only: the caller passes the server's own URL. Bounded in count and time, so it always stops by itself.
 */
public final class LoadGenerator {
    /** One kind of request in the mix. */
    public record Call(String label, String method, String path, String contentType, byte[] body) {
    }

    /** What a run measured. */
    public record Result(long requests, long transportErrors, Map<Integer, Long> byStatus, double seconds,
            double p50Millis, double p99Millis, double maxMillis) {
        /** Responses with a 5xx status other than 503 (a deliberate "busy"). */
        public long unexpected5xx() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long count(int status) {
            return byStatus.getOrDefault(status, 0L);
        }

        public double throughput() {
            return requests / Math.max(1e-9, seconds);
        }
    }

    private LoadGenerator() {
    }

    /** Report, question, findings (for the panels that are on), render, describe and health against one image. */
    public static List<Call> standardMix(String imageId, List<ModelSet.Panel> panels) {
        String img = "/api/images/" + imageId;
        List<Call> calls = new ArrayList<>();
        for (ModelSet.Panel p : panels) {
            if (!p.enabled()) {
                continue;
            }
            switch (p.panel()) {
                case ModelSet.REPORT -> calls.add(json("report", img + "/report", "{}"));
                case ModelSet.VQA -> calls.add(json("answer", img + "/answer",
                        "{\"question\":\"Is there a pleural effusion?\"}"));
                case ModelSet.FINDINGS -> calls.add(json("findings", img + "/findings", "{}"));
                case ModelSet.SIMILAR -> calls.add(json("similar", img + "/similar", "{}"));
                default -> { }
            }
        }
        calls.add(new Call("render", "GET", img + "/render?size=256", null, null));
        calls.add(new Call("describe", "GET", img, null, null));
        calls.add(new Call("health", "GET", "/health", null, null));
        return calls;
    }

    private static Call json(String label, String path, String body) {
        return new Call(label, "POST", path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Runs the load.
     *
     * @param base the server's URL (loopback)
     * @param token bearer token or null
     * @param maxRequests stop after this many requests in all, whatever the time
     */
    public static Result run(URI base, String token, List<Call> mix, int clients, Duration duration, long maxRequests) {
        if (clients < 1 || mix.isEmpty()) {
            throw new IllegalArgumentException("need at least one client and one call");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong budget = new AtomicLong(maxRequests);
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Client>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> new Client(http, base, token, mix, offset).loop(deadline, budget)));
        }
        List<Client> done = new ArrayList<>();
        try {
            for (Future<Client> f : futures) {
                done.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("load client failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<Integer, Long> byStatus = new TreeMap<>();
        long errors = 0;
        int n = 0;
        for (Client c : done) {
            c.byStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
            errors += c.transportErrors;
            n += c.count;
        }
        long[] all = new long[n];
        int k = 0;
        for (Client c : done) {
            System.arraycopy(c.latencies, 0, all, k, c.count);
            k += c.count;
        }
        Arrays.sort(all);
        return new Result(n, errors, byStatus, seconds, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /**
     * Used heap after garbage collection, the lowest of five readings a second apart: comparable before and after a
     * run, and late enough that a finished run's HTTP client (whose selector thread outlives it by a few seconds) is
     * no longer counted as the server's memory.
     */
    public static long settledHeapBytes() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return best;
    }

    /** One closed-loop client. */
    private static final class Client {
        private final HttpClient http;
        private final URI base;
        private final String token;
        private final List<Call> mix;
        private int next;
        private long[] latencies = new long[1024];
        private int count;
        private long transportErrors;
        private final Map<Integer, Long> byStatus = new TreeMap<>();

        Client(HttpClient http, URI base, String token, List<Call> mix, int offset) {
            this.http = http;
            this.base = base;
            this.token = token;
            this.mix = mix;
            this.next = offset;
        }

        Client loop(long deadline, AtomicLong budget) {
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
                Call c = mix.get(next++ % mix.size());
                HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(c.path())).timeout(Duration.ofSeconds(60));
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (c.body() != null) {
                    b.header("Content-Type", c.contentType()).method(c.method(),
                            HttpRequest.BodyPublishers.ofByteArray(c.body()));
                } else {
                    b.method(c.method(), HttpRequest.BodyPublishers.noBody());
                }
                long t = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    record(System.nanoTime() - t);
                    byStatus.merge(r.statusCode(), 1L, Long::sum);
                } catch (IOException e) {
                    transportErrors++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return this;
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }
}
