package org.medvl.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.medvl.server.batch.BatchListener;

/**
 * The server's counters in the Prometheus text exposition format (version 0.0.4): requests by route template, method
 * and status, request latency histograms by route, model queue depth and rejections, and batch sizes. Route labels are
 * the matched route templates ({@code /api/images/{id}/report}), never raw paths, so label cardinality stays bounded
 * whatever clients send.
 */
public final class ServerMetrics implements BatchListener {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> batchLatency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> batchItems = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> queueDepth = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> gauges = new ConcurrentHashMap<>();

    /** Records one finished HTTP request. */
    public void request(String method, String route, int status, long nanos) {
        String key = "method=\"" + method + "\",route=\"" + escape(route) + "\",status=\"" + status + "\"";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        latency.computeIfAbsent("route=\"" + escape(route) + "\"", k -> new LatencyHistogram()).observe(nanos / 1e9);
    }

    /** Exposes a model queue's depth. */
    public void queue(String model, IntSupplier depth) {
        queueDepth.put(model, depth);
    }

    /** Exposes a named gauge, e.g. the number of stored uploads. */
    public void gauge(String name, IntSupplier value) {
        gauges.put(name, value);
    }

    @Override
    public void batchDone(String model, int size, long nanos) {
        batchLatency.computeIfAbsent(model, k -> new LatencyHistogram()).observe(nanos / 1e9);
        batchItems.computeIfAbsent(model, k -> new LongAdder()).add(size);
    }

    @Override
    public void rejected(String model) {
        rejected.computeIfAbsent(model, k -> new LongAdder()).increment();
    }

    /** Total requests answered so far with status {@code status}. */
    public long count(int status) {
        String s = "status=\"" + status + "\"";
        return requests.entrySet().stream().filter(e -> e.getKey().endsWith(s)).mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** The exposition text. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        header(out, "medvl_http_requests_total", "counter", "HTTP requests by method, route template and status");
        new TreeMap<>(requests).forEach((k, v) -> out.append("medvl_http_requests_total{").append(k).append("} ")
                .append(v.sum()).append('\n'));
        header(out, "medvl_http_request_duration_seconds", "histogram", "HTTP request latency by route template");
        new TreeMap<>(latency).forEach((k, h) -> h.write(out, "medvl_http_request_duration_seconds", k));
        header(out, "medvl_model_queue_depth", "gauge", "requests waiting for a model");
        new TreeMap<>(queueDepth).forEach((m, d) -> out.append("medvl_model_queue_depth{model=\"").append(escape(m))
                .append("\"} ").append(d.getAsInt()).append('\n'));
        header(out, "medvl_model_queue_rejected_total", "counter", "requests rejected with 503 because a queue was full");
        new TreeMap<>(rejected).forEach((m, c) -> out.append("medvl_model_queue_rejected_total{model=\"")
                .append(escape(m)).append("\"} ").append(c.sum()).append('\n'));
        header(out, "medvl_model_batch_duration_seconds", "histogram", "time per model batch");
        new TreeMap<>(batchLatency).forEach((m, h) -> h.write(out, "medvl_model_batch_duration_seconds",
                "model=\"" + escape(m) + "\""));
        header(out, "medvl_model_batch_items_total", "counter", "requests served in batches (divide by batch count for"
                + " the mean batch size)");
        new TreeMap<>(batchItems).forEach((m, c) -> out.append("medvl_model_batch_items_total{model=\"")
                .append(escape(m)).append("\"} ").append(c.sum()).append('\n'));
        new TreeMap<>(gauges).forEach((n, g) -> {
            header(out, n, "gauge", n.replace('_', ' '));
            out.append(n).append(' ').append(g.getAsInt()).append('\n');
        });
        Runtime rt = Runtime.getRuntime();
        header(out, "medvl_jvm_heap_used_bytes", "gauge", "JVM heap in use");
        out.append("medvl_jvm_heap_used_bytes ").append(rt.totalMemory() - rt.freeMemory()).append('\n');
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Label value escaping per the exposition format: backslash, quote and newline. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
