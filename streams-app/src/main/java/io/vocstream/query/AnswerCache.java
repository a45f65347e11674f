package io.vocstream.query;

import io.vocstream.config.AppConfig;
import io.vocstream.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers shared by the requests that ask the same question. An answer is computed from every bucket of every slice
 * it covers, up to hundreds of milliseconds for a wide question on a large state, while a wall of dashboards,
 * wallboards and scrapes asks the same few questions many times a second. Here each is computed at most once per
 * {@code ttl} and kept for at least {@value #KEEP_PER_COMPUTING} times its computing time, so that one question keeps
 * at most about a sixth of a core busy however many ask it (the query benchmark's widest questions, every queue and
 * every agent, take up to hundreds of milliseconds). Once an answer that took 10 ms or more is due, for another keep
 * time the requests are served it while its next is computed on a refresh thread, so that no request of a wide
 * question asked all the time waits for it to be computed again; a quick answer, or one asked again only later, is
 * computed by the request that finds it due, and waited for by those asking it meanwhile. An answer is thus at most
 * twice its keep time plus two computing times older than the state. A failure (a bad parameter, state not
 * queryable now) reaches the request that computed it and is not kept; a refresh that fails drops the answer, so the
 * next request computes it and meets the failure.
 */
public final class AnswerCache {
    public static final String TTL = "query.answer-ttl";
    public static final Duration DEFAULT_TTL = Duration.ofMillis(250);
    /** How many times its computing time an answer is kept at least. */
    static final int KEEP_PER_COMPUTING = 5;
    /** Slots unused for a while are swept once the cache holds this many, so odd query strings cannot pile up. */
    private static final int SWEEP_ABOVE = 1_000;
    private static final int REFRESH_THREADS = 2;
    /** Computing time from which an answer is refreshed behind the requests instead of by one of them. */
    static final long SLOW_NANOS = Duration.ofMillis(10).toNanos();

    /** An answer as sent: its JSON and the headers that go with it. */
    public record Answer(byte[] json, Map<String, String> headers) {
    }

    private final long ttlNanos;
    private final Executor refresher;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** One question's latest answer and the computation of its next, guarded by the slot's monitor. */
    private static final class Slot {
        private Answer answer;
        private long freshUntilNanos;
        /** Until when the answer, due since {@code freshUntilNanos}, is still served while its next is computed. */
        private long staleUntilNanos;
        /** An answer a request computes (there was none, or none recent enough), while it is computed. */
        private CompletableFuture<Answer> computing;
        private boolean refreshing;
    }

    /** A cache refreshing due answers on threads of its own (idle ones end). */
    public AnswerCache(Duration ttl) {
        this(ttl, refreshThreads(), System::nanoTime);
    }

    AnswerCache(Duration ttl, Executor refresher, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.refresher = refresher;
        this.nanoTime = nanoTime;
    }

    /** A cache that keeps nothing: every request computes its answer. */
    public static AnswerCache none() {
        return new AnswerCache(Duration.ZERO, Runnable::run, System::nanoTime);
    }

    public static AnswerCache from(AppConfig app) {
        Settings s = app.settings();
        Duration ttl = s.duration(TTL, DEFAULT_TTL);
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(10)) > 0) {
            throw s.invalid(TTL, "between PT0S (off) and PT10S", "it is how much older than the state an answer may be");
        }
        return new AnswerCache(ttl);
    }

    private static Executor refreshThreads() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(REFRESH_THREADS, REFRESH_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "answer-refresh-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The answer to {@code question}: a shared one, or {@code compute}'s now when there is none yet. */
    public Answer answer(String question, Supplier<Answer> compute) {
        if (ttlNanos == 0) {
            return compute.get();
        }
        if (slots.size() > SWEEP_ABOVE) {
            sweep();
        }
        Slot slot = slots.computeIfAbsent(question, q -> new Slot());
        CompletableFuture<Answer> first;
        CompletableFuture<Answer> mine = null;
        Answer shared = null;
        boolean due = false;
        synchronized (slot) {
            long now = nanoTime.getAsLong();
            if (slot.answer != null && now < slot.staleUntilNanos) {
                shared = slot.answer;
                due = now >= slot.freshUntilNanos && !slot.refreshing;
                slot.refreshing |= due;
            }
            first = slot.computing;
            if (shared == null && first == null) {
                mine = new CompletableFuture<>();
                slot.computing = mine;
            }
        }
        if (shared != null) {
            if (due) {
                refresh(slot, compute);
            }
            return shared;
        }
        return mine == null ? joined(first) : computed(slot, mine, compute);
    }

    private Answer computed(Slot slot, CompletableFuture<Answer> mine, Supplier<Answer> compute) {
        try {
            Answer answer = keep(slot, compute);
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

    private void refresh(Slot slot, Supplier<Answer> compute) {
        Runnable task = () -> {
            try {
                keep(slot, compute);
            } catch (RuntimeException | Error e) {
                synchronized (slot) {
                    slot.answer = null;
                    slot.refreshing = false;
                }
            }
        };
        try {
            refresher.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Computes an answer and keeps it in {@code slot}, for its time to live or five times its computing time. */
    private Answer keep(Slot slot, Supplier<Answer> compute) {
        long started = nanoTime.getAsLong();
        Answer answer = compute.get();
        long done = nanoTime.getAsLong();
        long keep = Math.max(ttlNanos, KEEP_PER_COMPUTING * (done - started));
        synchronized (slot) {
            slot.answer = answer;
            slot.freshUntilNanos = done + keep;
            // only a slow answer is served due while its next is computed: a quick one is computed again by the
            // request, which then sees the newest state within a few ms
            slot.staleUntilNanos = done - started >= SLOW_NANOS ? done + 2 * keep : done + keep;
            slot.computing = null;
            slot.refreshing = false;
        }
        return answer;
    }

    private static Answer joined(CompletableFuture<Answer> answer) {
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
        long now = nanoTime.getAsLong();
        slots.values().removeIf(slot -> {
            synchronized (slot) {
                return slot.computing == null && !slot.refreshing && now - slot.freshUntilNanos > ttlNanos;
            }
        });
    }
}
