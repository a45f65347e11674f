package io.vocstream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.config.AppConfig;
import io.vocstream.config.ConfigException;
import io.vocstream.config.Settings;
import io.vocstream.http.BadParameterException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private final AtomicInteger computed = new AtomicInteger();
    /** The cache's clock, in nanoseconds, where a test moves it. */
    private final AtomicLong clock = new AtomicLong();

    private AnswerCache.Answer compute() {
        return new AnswerCache.Answer(("answer " + computed.incrementAndGet()).getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    private static String text(AnswerCache.Answer answer) {
        return new String(answer.json(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the same question within the time to live is answered once")
    void sameQuestionOnce() {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(1));
        AnswerCache.Answer first = cache.answer("/api/v1/queues?{window=[15m]}", this::compute);
        AnswerCache.Answer second = cache.answer("/api/v1/queues?{window=[15m]}", this::compute);
        assertSame(first, second);
        assertEquals(1, computed.get());
    }

    @Test
    @DisplayName("another question is computed on its own")
    void otherQuestion() {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(1));
        cache.answer("/api/v1/queues?{window=[15m]}", this::compute);
        assertEquals("answer 2", text(cache.answer("/api/v1/queues?{window=[1h]}", this::compute)));
    }

    @Test
    @DisplayName("a quick answer older than the time to live is computed again by the request that finds it due")
    void quickAnswerExpires() {
        AnswerCache cache = new AnswerCache(Duration.ofMillis(250), Runnable::run, clock::get);
        cache.answer("q", this::compute);
        clock.addAndGet(Duration.ofMillis(249).toNanos());
        assertEquals("answer 1", text(cache.answer("q", this::compute)));
        clock.addAndGet(Duration.ofMillis(2).toNanos());
        assertEquals("answer 2", text(cache.answer("q", this::compute)));
    }

    @Test
    @DisplayName("a slow answer is kept five times its computing time, then served for as long again while refreshed")
    void slowAnswerIsServedWhileRefreshed() {
        AnswerCache cache = new AnswerCache(Duration.ofMillis(250), Runnable::run, clock::get);
        cache.answer("q", slowly(Duration.ofMillis(100)));
        clock.addAndGet(Duration.ofMillis(499).toNanos());
        assertEquals("answer 1", text(cache.answer("q", this::compute)), "kept 500 ms");
        clock.addAndGet(Duration.ofMillis(2).toNanos());
        assertEquals("answer 1", text(cache.answer("q", slowly(Duration.ofMillis(100)))), "due: served, refreshed");
        assertEquals("answer 2", text(cache.answer("q", this::compute)), "the refreshed one");
        assertEquals(2, computed.get());
        clock.addAndGet(Duration.ofMillis(1_100).toNanos());
        assertEquals("answer 3", text(cache.answer("q", this::compute)), "due for longer than its keep: computed");
    }

    @Test
    @DisplayName("a time to live of zero computes every answer")
    void off() {
        AnswerCache cache = AnswerCache.none();
        cache.answer("q", this::compute);
        assertEquals("answer 2", text(cache.answer("q", this::compute)));
    }

    @Test
    @DisplayName("requests arriving while an answer is computed wait for it instead of computing it again")
    void concurrentRequestsShareOneComputation() throws Exception {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(1));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<AnswerCache.Answer> first = pool.submit(() -> cache.answer("q", () -> {
                computing.countDown();
                await(release);
                return compute();
            }));
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            Future<AnswerCache.Answer> second = pool.submit(() -> cache.answer("q", this::compute));
            Future<AnswerCache.Answer> third = pool.submit(() -> cache.answer("q", this::compute));
            release.countDown();
            assertEquals("answer 1", text(first.get(10, TimeUnit.SECONDS)));
            assertEquals("answer 1", text(second.get(10, TimeUnit.SECONDS)));
            assertEquals("answer 1", text(third.get(10, TimeUnit.SECONDS)));
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("requests finding a slow answer due are served it while the next is computed on a refresh thread")
    void staleWhileRefreshing() throws Exception {
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            AnswerCache cache = new AnswerCache(Duration.ofMillis(250), refresher, clock::get);
            cache.answer("q", slowly(Duration.ofMillis(100)));
            clock.addAndGet(Duration.ofMillis(600).toNanos());
            CountDownLatch computing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AnswerCache.Answer due = cache.answer("q", () -> {
                computing.countDown();
                await(release);
                return compute();
            });
            assertEquals("answer 1", text(due), "the request finding the answer due does not wait for the next");
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            assertEquals("answer 1", text(cache.answer("q", this::compute)), "nor do the others meanwhile");
            release.countDown();
            refresher.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertEquals("answer 2", text(cache.answer("q", this::compute)));
            assertEquals(2, computed.get());
        } finally {
            refresher.shutdownNow();
        }
    }

    @Test
    @DisplayName("a refresh that fails drops the answer: the next request computes it and meets the failure")
    void failedRefresh() {
        AnswerCache cache = new AnswerCache(Duration.ofMillis(250), Runnable::run, clock::get);
        cache.answer("q", slowly(Duration.ofMillis(100)));
        clock.addAndGet(Duration.ofMillis(600).toNanos());
        assertEquals("answer 1", text(cache.answer("q", () -> {
            throw new IllegalStateException("Kafka Streams is REBALANCING");
        })));
        assertThrows(BadParameterException.class, () -> cache.answer("q", () -> {
            throw new BadParameterException("window", "unknown window 'fortnight'");
        }));
        assertEquals("answer 2", text(cache.answer("q", this::compute)));
    }

    /** An answer whose computing takes {@code time} on the test's clock. */
    private Supplier<AnswerCache.Answer> slowly(Duration time) {
        return () -> {
            clock.addAndGet(time.toNanos());
            return compute();
        };
    }

    @Test
    @DisplayName("a failure reaches its request and is not kept: the next request computes again")
    void failuresAreNotKept() {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(1));
        BadParameterException refused = assertThrows(BadParameterException.class, () -> cache.answer("q", () -> {
            throw new BadParameterException("window", "unknown window 'fortnight'");
        }));
        assertEquals("window", refused.parameter());
        assertEquals("answer 1", text(cache.answer("q", this::compute)));
    }

    @Test
    @DisplayName("the time to live is a setting; outside 0 to 10 s it is refused naming the key")
    void setting() {
        Map<String, String> env = Map.of("VOCSTREAM_BOOTSTRAP_SERVERS", "kafka:9092",
                "VOCSTREAM_SCHEMA_REGISTRY_URL", "http://registry:8081");
        AnswerCache cache = AnswerCache.from(AppConfig.from(Settings.load(env, Optional.empty(),
                Map.of(AnswerCache.TTL, "PT5S"))));
        cache.answer("q", this::compute);
        assertEquals("answer 1", text(cache.answer("q", this::compute)));
        ConfigException tooLong = assertThrows(ConfigException.class, () -> AnswerCache.from(AppConfig.from(
                Settings.load(env, Optional.empty(), Map.of(AnswerCache.TTL, "PT1M")))));
        assertTrue(tooLong.getMessage().contains(AnswerCache.TTL), tooLong.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
