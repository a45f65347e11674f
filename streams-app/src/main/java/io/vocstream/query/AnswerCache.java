package io.vocstream.query;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers shared by the requests that ask the same question within {@code ttl}. An answer is computed from every
 * bucket of every slice it covers, tens of milliseconds for a large state, while a wall of dashboards, wallboards
 * and scrapes asks the same few questions many times a second; computing each at most once per {@code ttl} keeps the
 * query load from growing with the number of viewers and from taking the stream threads' cores. Requests that arrive
 * while an answer is being computed wait for it rather than compute it again; an answer is kept for {@code ttl} after
 * it is complete, so it is at most its computing time plus {@code ttl} older than the state. A failure (a bad
 * parameter, state not queryable now) is not kept.
 */
public final class AnswerCache {
    public static final String TTL = "query.answer-ttl";
    public static final Duration DEFAULT_TTL = Duration.ofMillis(250);
    /** Entries past their time are swept once the cache holds this many, so odd query strings cannot pile up. */
    private static final int SWEEP_ABOVE = 1_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** An answer under way, or computed at {@code doneNanos}. */
    private static final class Entry {
        private final CompletableFuture<Object> answer = new CompletableFuture<>();
        private volatile long doneNanos;

        boolean usableAt(long nowNanos, long ttlNanos) {
            return !answer.isDone() || nowNanos - doneNanos < ttlNanos;
        }

        void complete(Object value) {
            doneNanos = System.nanoTime();
            answer.complete(value);
        }
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

    /** The answer to {@code question}: one computed within the time to live, or {@code compute}'s now. */
    public Object answer(String question, Supplier<Object> compute) {
        if (ttlNanos == 0) {
            return compute.get();
        }
        long now = System.nanoTime();
        Entry mine = new Entry();
        Entry current = entries.compute(question, (q, e) -> e != null && e.usableAt(now, ttlNanos) ? e : mine);
        if (current != mine) {
            try {
                return current.answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) e.getCause();
            }
        }
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> !e.usableAt(now, ttlNanos));
        }
        try {
            Object answer = compute.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            entries.remove(question, mine);
            mine.answer.completeExceptionally(e);
            throw e;
        }
    }
}
