package io.vocstream.query;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers shared by the requests that ask the same question. An answer is computed from every bucket of every slice
 * it covers, up to hundreds of milliseconds for a wide question on a large state, while a wall of dashboards,
 * wallboards and scrapes asks the same few questions many times a second. Here each is computed at most once per
 * {@code ttl} and kept for at least {@value #KEEP_PER_COMPUTING} times its computing time, so that one question keeps
 * at most about a sixth of a core busy however many ask it (the query benchmark's widest questions, every queue and
 * every agent, take several hundred milliseconds). When an answer is due again, the first request to ask computes it
 * while the others are served the previous one; only the very first answer to a question is waited for. So an answer
 * is at most its keep time plus two computing times older than the state. A failure (a bad parameter, state not
 * queryable now) reaches the request that computed it and is not kept.
 */
public final class AnswerCache {
    public static final String TTL = "query.answer-ttl";
    public static final Duration DEFAULT_TTL = Duration.ofMillis(250);
    /** How many times its computing time an answer is kept at least. */
    static final int KEEP_PER_COMPUTING = 5;
    /** Slots unused for a while are swept once the cache holds this many, so odd query strings cannot pile up. */
    private static final int SWEEP_ABOVE = 1_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** One question's latest answer and the computation of its next, guarded by the slot's monitor. */
    private static final class Slot {
        private byte[] answer;
        private long freshUntilNanos;
        private CompletableFuture<byte[]> computing;
    }

    public AnswerCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** A cache that keeps nothing: every request computes its answer. */
    public static AnswerCache none() {
        return new AnswerCache(Duration.ZERO);
    }

    public static AnswerCache from(AppConfig app) {
        Settings s = app.settings();
        Duration ttl = s.duration(TTL, DEFAULT_TTL);
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(10)) > 0) {
            throw s.invalid(TTL, "between PT0S (off) and PT10S", "it is how much older than the state an answer may be");
        }
        return new AnswerCache(ttl);
    }

    /**
     * The answer to {@code question}, as the bytes sent: a shared one, or {@code compute}'s now when the shared one
     * is due.
     */
    public byte[] answer(String question, Supplier<byte[]> compute) {
        if (ttlNanos == 0) {
            return compute.get();
        }
        if (slots.size() > SWEEP_ABOVE) {
            sweep();
        }
        Slot slot = slots.computeIfAbsent(question, q -> new Slot());
        CompletableFuture<byte[]> first;
        CompletableFuture<byte[]> mine = null;
        synchronized (slot) {
            if (slot.answer != null && (System.nanoTime() < slot.freshUntilNanos || slot.computing != null)) {
                return slot.answer;
            }
            first = slot.computing;
            if (first == null) {
                mine = new CompletableFuture<>();
                slot.computing = mine;
            }
        }
        return mine == null ? joined(first) : computed(slot, mine, compute);
    }

    private byte[] computed(Slot slot, CompletableFuture<byte[]> mine, Supplier<byte[]> compute) {
        long started = System.nanoTime();
        try {
            byte[] answer = compute.get();
            long done = System.nanoTime();
            synchronized (slot) {
                slot.answer = answer;
                slot.freshUntilNanos = done + Math.max(ttlNanos, KEEP_PER_COMPUTING * (done - started));
                slot.computing = null;
            }
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            synchronized (slot) {
                slot.computing = null;
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static byte[] joined(CompletableFuture<byte[]> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        slots.values().removeIf(slot -> {
            synchronized (slot) {
                return slot.computing == null && now - slot.freshUntilNanos > ttlNanos;
            }
        });
    }
}
