package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

        List<String> kept = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = lastSeen.all()) {
            all.forEachRemaining((KeyValue<String, Long> entry) -> kept.add(entry.key));
        }
        assertEquals(List.of("on-the-horizon", "recent"), kept);
    }

    @Test
    @DisplayName("a short memory is still scanned at most once a minute")
    void shortestInterval() {
        StoreExpiry.schedule(context, PunctuationType.WALL_CLOCK_TIME, Duration.ofMinutes(4), lastSeen,
                (at, horizon) -> at < horizon);
        assertEquals(Duration.ofMinutes(1), context.scheduledPunctuators().get(0).getInterval());
    }
}
