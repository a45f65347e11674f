package io.vocstream.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets the entries of a key-value store that are no longer needed, by a scan scheduled every eighth of how long
 * entries are kept: each entry is read about eight times over its life (not once per minute of it, which costs more
 * than the events that made it during a catch-up) and is forgotten at most an eighth of that time late.
 */
public final class StoreExpiry {
    private static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    private static final int SCANS_PER_LIFETIME = 8;

    private StoreExpiry() {
    }

    /** Whether an entry can be forgotten, given the time before which the store's memory ends. */
    @FunctionalInterface
    public interface Staleness<V> {
        boolean isStale(V value, long horizonMillis);
    }

    /**
     * Schedules the expiry of {@code store}: on each punctuation at time t (stream or wall-clock time, as {@code type}
     * says) every entry that {@code staleness} calls stale at horizon {@code t - memory} is deleted.
     */
    public static <V> void schedule(ProcessingContext context, PunctuationType type, Duration memory,
                                    KeyValueStore<String, V> store, Staleness<V> staleness) {
        Duration interval = memory.dividedBy(SCANS_PER_LIFETIME);
        context.schedule(interval.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : interval, type,
                time -> deleteStale(store, time - memory.toMillis(), staleness));
    }

    private static <V> void deleteStale(KeyValueStore<String, V> store, long horizonMillis, Staleness<V> staleness) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (staleness.isStale(entry.value, horizonMillis)) {
                    stale.add(entry.key);
                }
            });
        }
        stale.forEach(store::delete);
    }
}
