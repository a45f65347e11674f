package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vocstream.testing.TaskContexts;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link SeenEventIds} writes at a commit and reads back after a restart, on a RocksDB store in place of the
 * in-memory one (which a restart restores from its changelog) so that a reopened store holds what was written.
 */
class SeenEventIdsTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final long TEN = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

    @TempDir
    File stateDir;

    private MockProcessorContext<Void, Void> context;

    @BeforeEach
    void createContext() {
        context = TaskContexts.of("seen-event-ids-test", stateDir);
    }

    private SeenEventIds open() {
        SeenEventIds store = SeenEventIds.builder(Stores.persistentKeyValueStore("seen"), GRACE)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    /** The records the store wrote, read with a plain store of its name. */
    private List<KeyValue<String, byte[]>> batches() {
        KeyValueStore<String, byte[]> raw = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("seen"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        raw.init(context.getStateStoreContext(), raw);
        List<KeyValue<String, byte[]>> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> records = raw.all()) {
            records.forEachRemaining(all::add);
        } finally {
            raw.close();
        }
        return all;
    }

    @Test
    @DisplayName("the ids of a commit are one record per slot, read back after a restart; ids not committed are not")
    void oneRecordPerSlotAndCommit() {
        SeenEventIds seen = open();
        IntStream.range(0, 100).forEach(i -> seen.add("e" + i, TEN + i * 1_000L));
        seen.add("next-slot", TEN + GRACE.toMillis());
        seen.flushCache();
        seen.add("uncommitted", TEN + 5_000);
        assertTrue(seen.seen("uncommitted", TEN + 5_000), "known at once to the partition that took it");
        seen.close();

        assertEquals(2, batches().size(), "a record per slot: " + batches().stream().map(kv -> kv.key).toList());
        SeenEventIds restarted = open();
        IntStream.range(0, 100).forEach(i ->
                assertTrue(restarted.seen("e" + i, TEN + i * 1_000L + GRACE.toMillis()), "e" + i));
        assertTrue(restarted.seen("next-slot", TEN + GRACE.toMillis()));
        assertFalse(restarted.seen("uncommitted", TEN + 5_000), "lost with the task that did not commit it");
        assertFalse(restarted.seen("e0", TEN + GRACE.toMillis() + 1), "beyond the grace period of its first time");
        restarted.close();
    }

    @Test
    @DisplayName("an aborted transaction's ids are forgotten, those of the commits before it kept")
    void abortForgetsUncommittedIds() {
        SeenEventIds seen = open();
        seen.add("committed", TEN);
        seen.flushCache();
        seen.add("aborted", TEN + 1);
        seen.clearCache();

        assertTrue(seen.seen("committed", TEN));
        assertFalse(seen.seen("aborted", TEN + 1), "its event is processed again and must pass");
        seen.close();
    }

    @Test
    @DisplayName("the ids of a busy commit are cut into records under the broker's record limit, and all read back")
    void largeCommitsAreCut() {
        SeenEventIds seen = open();
        int ids = 20_000;
        IntStream.range(0, ids).forEach(i -> seen.add("event-" + "x".repeat(20) + i, TEN + i));
        seen.flushCache();
        seen.close();

        List<KeyValue<String, byte[]>> written = batches();
        assertTrue(written.size() > 1, "cut: " + written.size());
        written.forEach(batch -> assertTrue(batch.value.length <= SeenEventIds.BATCH_BYTES, batch.key));
        SeenEventIds restarted = open();
        IntStream.range(0, ids).forEach(i -> assertTrue(restarted.seen("event-" + "x".repeat(20) + i, TEN + i)));
        restarted.close();
    }

    @Test
    @DisplayName("a slot older than the ids are remembered (twice the grace and an hour) is deleted once a newer opens")
    void oldSlotsAreDeleted() {
        long remembered = GRACE.multipliedBy(2).plusHours(1).toMillis();
        SeenEventIds seen = open();
        seen.add("old", TEN);
        seen.flushCache();
        seen.add("kept", TEN + remembered - 1);
        seen.flushCache();
        seen.add("new", TEN + remembered + GRACE.toMillis());
        seen.flushCache();
        seen.close();

        assertEquals(List.of("kept", "new"), batches().stream()
                .map(kv -> kv.key.substring(kv.key.lastIndexOf('/') + 1)).toList());
    }
}
