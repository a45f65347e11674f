package io.vocstream.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.buckets.BucketQueriesTest.Count;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol of the pre-aggregating {@link BucketStore}, on a real RocksDB window store. */
class BucketStoreTest {
    private static final long TEN = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
    private static final long TEN_OH_ONE = TEN + 60_000;

    private final BucketStore<Count> store = BucketStore.builder("counts", BucketSize.MINUTE, Duration.ofDays(1),
            JsonSerde.of(Count.class)).withLoggingDisabled().build();

    @TempDir
    File stateDir;

    @BeforeEach
    void open() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bucket-store-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("deltas are merged in memory and reach the store, added to what it holds, when Kafka flushes it")
    void flushWritesMergedDeltas() {
        store.add("all=all", TEN + 1_000, new Count(1));
        store.add("all=all", TEN + 59_999, new Count(2));
        store.add("all=all", TEN_OH_ONE, new Count(4));
        assertNull(store.fetch("all=all", TEN), "nothing is visible before the commit");

        store.flushCache();
        assertEquals(new Count(3), store.fetch("all=all", TEN));
        assertEquals(new Count(4), store.fetch("all=all", TEN_OH_ONE));

        store.add("all=all", TEN + 30_000, new Count(10));
        store.flush();
        assertEquals(new Count(13), store.fetch("all=all", TEN));
        assertEquals(new Count(4), store.fetch("all=all", TEN_OH_ONE));
    }

    @Test
    @DisplayName("an aborted commit drops the deltas made since the last one and keeps what was committed")
    void clearDropsPendingDeltas() {
        store.add("region=north", TEN, new Count(5));
        store.flushCache();
        store.add("region=north", TEN, new Count(7));
        store.add("region=south", TEN, new Count(1));
        store.clearCache();
        store.flushCache();
        assertEquals(new Count(5), store.fetch("region=north", TEN));
        assertNull(store.fetch("region=south", TEN));
    }
}
