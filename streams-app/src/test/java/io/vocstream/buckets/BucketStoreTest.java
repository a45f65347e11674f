package io.vocstream.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.buckets.BucketQueriesTest.Count;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.TaskContexts;
import io.vocstream.time.BucketSize;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol of the pre-aggregating {@link BucketStore} and what reads see between commits, on a real
 * RocksDB window store. Deltas are published explicitly here (the store's own period is set out of reach).
 */
class BucketStoreTest {
    private static final long TEN = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
    private static final long TEN_OH_ONE = TEN + 60_000;
    private static final Instant DAY_START = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-11-24T00:00:00Z");

    private final BucketStore<Count> store = BucketStore.builder("counts", BucketSize.MINUTE, Duration.ofDays(1),
            JsonSerde.of(Count.class), Duration.ofDays(1)).withLoggingDisabled().build();

    @TempDir
    File stateDir;

    @BeforeEach
    void open() {
        store.init(TaskContexts.of("bucket-store-test", stateDir).getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("deltas are merged in memory and reach the store, added to what it holds, when Kafka flushes it")
    void flushWritesMergedDeltas() {
        store.add("all=all", TEN + 1_000, new Count(1), TEN);
        store.add("all=all", TEN + 59_999, new Count(2), TEN);
        store.add("all=all", TEN_OH_ONE, new Count(4), TEN);
        assertNull(store.fetch("all=all", TEN), "nothing is visible before the deltas are published");

        store.flushCache();
        assertEquals(new Count(3), store.fetch("all=all", TEN));
        assertEquals(new Count(4), store.fetch("all=all", TEN_OH_ONE));

        store.add("all=all", TEN + 30_000, new Count(10), TEN);
        store.flush();
        assertEquals(new Count(13), store.fetch("all=all", TEN));
        assertEquals(new Count(4), store.fetch("all=all", TEN_OH_ONE));
    }

    @Test
    @DisplayName("reopened on what it wrote, a store adds its deltas to the buckets held, the newest ones too")
    void reopenedStoreAddsToHeldBuckets() {
        store.add("all=all", TEN, new Count(1), TEN);
        store.add("all=all", TEN_OH_ONE, new Count(2), TEN);
        store.flush();
        store.close();
        BucketStore<Count> reopened = BucketStore.builder("counts", BucketSize.MINUTE, Duration.ofDays(1),
                JsonSerde.of(Count.class), Duration.ofDays(1)).withLoggingDisabled().build();
        reopened.init(TaskContexts.of("bucket-store-test", stateDir).getStateStoreContext(), reopened);
        try {
            reopened.add("all=all", TEN_OH_ONE, new Count(4), TEN);
            reopened.add("all=all", TEN, new Count(8), TEN);
            reopened.flushCache();
            assertEquals(new Count(9), reopened.fetch("all=all", TEN));
            assertEquals(new Count(6), reopened.fetch("all=all", TEN_OH_ONE));
        } finally {
            reopened.close();
        }
    }

    @Test
    @DisplayName("an aborted commit drops the deltas made since the last one and keeps what was committed")
    void clearDropsPendingDeltas() {
        store.add("region=north", TEN, new Count(5), TEN);
        store.flushCache();
        store.add("region=north", TEN, new Count(7), TEN);
        store.add("region=south", TEN, new Count(1), TEN);
        store.clearCache();
        store.flushCache();
        assertEquals(new Count(5), store.fetch("region=north", TEN));
        assertNull(store.fetch("region=south", TEN));
    }

    @Test
    @DisplayName("published deltas are read before the commit, added to what the window store holds")
    void publishedDeltasAreRead() {
        store.add("region=north", TEN, new Count(5), TEN);
        store.flushCache();
        store.add("region=north", TEN, new Count(7), TEN);
        store.add("region=south", TEN_OH_ONE, new Count(1), TEN);
        assertEquals(new Count(5), store.fetch("region=north", TEN), "unpublished deltas are not read");

        store.publish();
        assertEquals(new Count(12), store.fetch("region=north", TEN));
        assertEquals(new Count(1), store.fetch("region=south", TEN_OH_ONE));
        assertEquals(Map.of("region=north@" + TEN, 12L, "region=south@" + TEN_OH_ONE, 1L), read("region=", "region=~"));
    }

    @Test
    @DisplayName("a range read has each bucket once: from the window store, from the published table, or both merged")
    void rangeReadHasEachBucketOnce() {
        store.add("queue=billing", TEN, new Count(1), TEN);
        store.add("queue=sales", TEN, new Count(2), TEN);
        store.flushCache();
        store.flushCache();
        // billing@10:00 is now only in the window store; sales@10:00 gets a delta; sales@10:01 is new
        store.add("queue=sales", TEN, new Count(3), TEN);
        store.add("queue=sales", TEN_OH_ONE, new Count(4), TEN);
        store.publish();
        Map<String, Long> expected = Map.of("queue=billing@" + TEN, 1L, "queue=sales@" + TEN, 5L,
                "queue=sales@" + TEN_OH_ONE, 4L);
        assertEquals(expected, read("queue=", "queue=~"));

        store.flushCache();
        assertEquals(expected, read("queue=", "queue=~"), "written through, the buckets read the same");
        store.flushCache();
        assertEquals(expected, read("queue=", "queue=~"), "forgotten by the table, they read from the window store");
        store.add("queue=sales", TEN_OH_ONE, new Count(6), TEN);
        store.add("queue=billing", TEN_OH_ONE, new Count(1), TEN);
        store.publish();
        assertEquals(Map.of("queue=sales@" + TEN_OH_ONE, 10L),
                read("queue=sales", "queue=sales", Instant.ofEpochMilli(TEN_OH_ONE)),
                "the key range and the time range bound both tables");
    }

    @Test
    @DisplayName("a reader never counts a bucket twice nor loses one while the stream thread publishes and commits")
    void concurrentReadsAreExact() throws Exception {
        int events = 20_000;
        AtomicLong written = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        // written: events published; up to one more batch may be published and not yet counted in it
        Thread reader = new Thread(() -> {
            long before;
            do {
                before = written.get();
                long seen = read("n=", "n=~").values().stream().mapToLong(Long::longValue).sum();
                long after = written.get();
                if (seen < before || seen > after + 10) {
                    failure.compareAndSet(null, "read " + seen + " with " + before + " to " + after + " published");
                }
            } while (before < events && failure.get() == null);
        });
        reader.start();
        for (int i = 0; i < events; i++) {
            store.add("n=" + (i % 7), TEN + (i % 5) * 60_000L, new Count(1), TEN);
            if (i % 10 == 9) {
                store.publish();
                written.set(i + 1);
            }
            if (i % 250 == 249) {
                store.flushCache();
            }
        }
        reader.join(60_000);
        assertNull(failure.get());
    }

    /** Every bucket of the key range over the whole day, as {@code key@start} to count. */
    private Map<String, Long> read(String keyFrom, String keyTo) {
        return read(keyFrom, keyTo, DAY_START);
    }

    private Map<String, Long> read(String keyFrom, String keyTo, Instant from) {
        Map<String, Long> buckets = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, Count> all = store.fetch(keyFrom, keyTo, from, DAY_END)) {
            all.forEachRemaining(kv -> assertNull(buckets.put(kv.key.key() + "@" + kv.key.window().start(),
                    kv.value.n()), "one entry per bucket"));
        }
        return buckets;
    }
}
