package io.vocstream.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of the query benchmark, run as a process of its own: an open loop that sends GET requests at a
 * fixed rate, cycling through the paths given, whatever the answers take, and times each from the moment it was due
 * (so a stall shows in the latencies instead of slowing the load). Prints the latencies per path, overall and per
 * ten seconds.
 *
 * <p>The same load runs for a warm-up first, not measured: the first seconds of a fresh JVM sending requests, and of
 * answers not yet shared, build a backlog of several seconds that takes about twenty to drain, which is this
 * process's start and not the server's steady state.
 *
 * <p>Arguments: base URL, requests per second, seconds measured, seconds of warm-up, then the paths.
 */
public final class QueryLoad {
    private QueryLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[3]));
        List<String> paths = List.of(args).subList(4, args.length);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<Long, ConcurrentLinkedQueue<Long>> byTenSeconds = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        // neither the futures nor the bodies are kept: held for the whole run, they made this JVM's collections
        // longer and longer, and its pauses showed as latency of every path
        Phaser sent = new Phaser(1);
        long intervalNanos = (long) (1e9 / rate);
        long warmUpRequests = (long) (rate * warmUp.toSeconds());
        long start = System.nanoTime() + warmUp.toNanos();
        long total = (long) (rate * duration.toSeconds());
        for (long i = -warmUpRequests; i < total; i++) {
            long due = start + i * intervalNanos;
            boolean measured = i >= 0;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String path = paths.get((int) Math.floorMod(i, (long) paths.size()));
            sent.register();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (measured) {
                            long micros = (System.nanoTime() - due) / 1_000;
                            latencies.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(micros);
                            byTenSeconds.computeIfAbsent((due - start) / 10_000_000_000L,
                                    s -> new ConcurrentLinkedQueue<>()).add(micros);
                        }
                        sent.arriveAndDeregister();
                    });
        }
        sent.arriveAndAwaitAdvance();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %,d requests in %.1f s (%.0f/s) after %,d in a warm-up of %d s, %d failed or not "
                + "200%n", total, seconds, total / seconds, warmUpRequests, warmUp.toSeconds(), failures.get());
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
            all.addAll(e.getValue());
            System.out.println(micros(e.getKey(), e.getValue()));
        }
        System.out.println(micros("all", all));
        new TreeMap<>(byTenSeconds).forEach((slice, values) -> System.out.println(
                micros("seconds " + slice * 10 + "-" + (slice * 10 + 10), values)));
        System.exit(failures.get() == 0 ? 0 : 1);
    }

    private static String micros(String what, java.util.Collection<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return String.format("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (n %d)", what, sorted[(n - 1) / 2] / 1e3,
                sorted[(int) Math.ceil(0.99 * n) - 1] / 1e3, sorted[n - 1] / 1e3, n);
    }
}
