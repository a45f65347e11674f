package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreExpiryTest {
    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private final KeyValueStore<String, Long> lastSeen = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("last-seen"), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();

    StoreExpiryTest() {
        lastSeen.init(context.getStateStoreContext(), lastSeen);
    }

    @AfterEach
    void close() {
        lastSeen.close();
    }

    @Test
    @DisplayName("scans every eighth of the memory and deletes exactly the entries older than the horizon")
    void deletesStaleEntries() {
        Duration memory = Duration.ofHours(8);
        StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, memory, lastSeen, (at, horizon) -> at < horizon);
        MockProcessorContext.CapturedPunctuator expiry = context.scheduledPunctuators().get(0);
        assertEquals(Duration.ofHours(1), expiry.getInterval());
        assertEquals(PunctuationType.STREAM_TIME, expiry.getType());

        long now = Duration.ofDays(30).toMillis();
        lastSeen.put("old", now - memory.toMillis() - 1);
        lastSeen.put("on-the-horizon", now - memory.toMillis());
        lastSeen.put("recent", now - 1);
        expiry.getPunctuator().punctuate(now);

        assertEquals(List.of("on-the-horizon", "recent"), keys());
        assertEquals(1, context.scheduledPunctuators().size(), "a pass of one slice schedules no more slices");
    }

    @Test
    @DisplayName("a store larger than a slice is expired a slice at a time, on wall-clock punctuations while the "
            + "pass runs")
    void expiresInSlices() {
        Duration memory = Duration.ofHours(8);
        StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, memory, lastSeen, (at, horizon) -> at < horizon);
        MockProcessorContext.CapturedPunctuator request = context.scheduledPunctuators().get(0);
        assertEquals(1, context.scheduledPunctuators().size(), "no slices before a pass");

        long now = Duration.ofDays(30).toMillis();
        long horizon = now - memory.toMillis();
        int entries = 2 * StoreExpiry.SLICE_ENTRIES + StoreExpiry.SLICE_ENTRIES / 2;
        List<String> afterFirstSlice = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String key = String.format("k%05d", i);
            boolean stale = i % 3 == 0;
            lastSeen.put(key, stale ? horizon - 1 : horizon + i);
            if (!stale) {
                fresh.add(key);
            }
            if (!stale || i >= StoreExpiry.SLICE_ENTRIES) {
                afterFirstSlice.add(key);
            }
        }
        request.getPunctuator().punctuate(now);
        assertEquals(afterFirstSlice, keys(), "the first slice, the first keys, read when the pass starts");
        MockProcessorContext.CapturedPunctuator slice = context.scheduledPunctuators().get(1);
        assertEquals(PunctuationType.WALL_CLOCK_TIME, slice.getType());
        assertEquals(StoreExpiry.SLICE_EVERY, slice.getInterval());
        slice.getPunctuator().punctuate(now);
        assertFalse(slice.cancelled(), "the pass runs on");
        slice.getPunctuator().punctuate(now);
        assertEquals(fresh, keys(), "two more slices");
        assertTrue(slice.cancelled(), "the slices end with the pass");
    }

    @Test
    @DisplayName("a pass due while one runs starts when it ends, at the later horizon, from the first key")
    void queuedPass() {
        Duration memory = Duration.ofHours(8);
        StoreExpiry.schedule(context, PunctuationType.STREAM_TIME, memory, lastSeen, (at, horizon) -> at < horizon);
        MockProcessorContext.CapturedPunctuator request = context.scheduledPunctuators().get(0);
        long now = Duration.ofDays(30).toMillis();
        int entries = StoreExpiry.SLICE_ENTRIES + 1;
        for (int i = 0; i < entries; i++) {
            lastSeen.put(String.format("k%05d", i), now - memory.toMillis() + i);
        }
        request.getPunctuator().punctuate(now);
        assertEquals(entries, keys().size(), "nothing older than the first horizon");
        MockProcessorContext.CapturedPunctuator slice = context.scheduledPunctuators().get(1);
        long later = now + StoreExpiry.SLICE_ENTRIES / 2;
        request.getPunctuator().punctuate(later);
        for (int i = 0; i < 3 && !slice.cancelled(); i++) {
            slice.getPunctuator().punctuate(later);
        }
        assertEquals(2, context.scheduledPunctuators().size(), "the queued pass goes on with the same slices");
        List<String> expected = new ArrayList<>();
        for (int i = StoreExpiry.SLICE_ENTRIES / 2; i < entries; i++) {
            expected.add(String.format("k%05d", i));
        }
        assertEquals(expected, keys());
    }

    private List<String> keys() {
        List<String> kept = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = lastSeen.all()) {
            all.forEachRemaining((KeyValue<String, Long> entry) -> kept.add(entry.key));
        }
        return kept;
    }

    @Test
    @DisplayName("a short memory is still scanned at most once a minute")
    void shortestInterval() {
        StoreExpiry.schedule(context, PunctuationType.WALL_CLOCK_TIME, Duration.ofMinutes(4), lastSeen,
                (at, horizon) -> at < horizon);
        assertEquals(Duration.ofMinutes(1), context.scheduledPunctuators().get(0).getInterval());
    }
}
