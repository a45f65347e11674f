package io.vocstream.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets the entries of a key-value store that are no longer needed. A pass over the store starts every eighth of
 * how long entries are kept: each entry is read about eight times over its life (not once per minute of it, which
 * costs more than the events that made it during a catch-up). A pass reads {@value #SLICE_ENTRIES} entries at a time,
 * a slice every {@code SLICE_EVERY} of wall-clock time, carrying on from the last key read: a store of millions of
 * entries, scanned whole, would hold up its stream thread, and every answer waiting on it, for seconds. An entry is
 * forgotten at most an eighth of its memory late, plus the time its pass takes to reach it. The slices are scheduled
 * only while a pass runs: Kafka Streams processes fewer records per task between two checks of its punctuations each
 * time one of them runs, so an idle one firing every {@code SLICE_EVERY} would cut every task's records per turn down
 * to one or two.
 */
public final class StoreExpiry {
    private static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    private static final int SCANS_PER_LIFETIME = 8;
    static final int SLICE_ENTRIES = 1_000;
    static final Duration SLICE_EVERY = Duration.ofMillis(10);

    private StoreExpiry() {
    }

    /** Whether an entry can be forgotten, given the time before which the store's memory ends. */
    @FunctionalInterface
    public interface Staleness<V> {
        boolean isStale(V value, long horizonMillis);
    }

    /**
     * Schedules the expiry of {@code store}: a pass starting at time t (stream or wall-clock time, as {@code type}
     * says) deletes every entry that {@code staleness} calls stale at horizon {@code t - memory}.
     */
    public static <V> void schedule(ProcessingContext context, PunctuationType type, Duration memory,
                                    KeyValueStore<String, V> store, Staleness<V> staleness) {
        Duration interval = memory.dividedBy(SCANS_PER_LIFETIME);
        Pass<V> pass = new Pass<>(context, store, staleness);
        context.schedule(interval.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : interval, type,
                time -> pass.request(time - memory.toMillis()));
    }

    /** A store's pass in progress, if any, and the horizon of the one to start after it. */
    private static final class Pass<V> {
        private final ProcessingContext context;
        private final KeyValueStore<String, V> store;
        private final Staleness<V> staleness;
        /** The running pass's slices after its first; {@code null} when none is scheduled. */
        private Cancellable slicing;
        private boolean running;
        private long horizonMillis;
        /** The last key the running pass read; {@code null} before its first slice. */
        private String readTo;
        /** A pass asked for while one was running, to start when it ends; {@code null} for none. */
        private Long nextHorizonMillis;

        Pass(ProcessingContext context, KeyValueStore<String, V> store, Staleness<V> staleness) {
            this.context = context;
            this.store = store;
            this.staleness = staleness;
        }

        /** Starts a pass to {@code horizon}, with its first slice now, or queues it behind the running one. */
        void request(long horizon) {
            if (running) {
                nextHorizonMillis = horizon;
                return;
            }
            running = true;
            horizonMillis = horizon;
            readTo = null;
            slice();
            if (running && slicing == null) {
                slicing = context.schedule(SLICE_EVERY, PunctuationType.WALL_CLOCK_TIME, time -> slice());
            }
        }

        /** Reads the running pass's next slice and deletes what is stale in it. */
        void slice() {
            if (!running) {
                return;
            }
            List<String> stale = new ArrayList<>();
            int read = 0;
            // the smallest key after readTo: keys compare as their UTF-8 bytes, and U+0000 is the byte 0
            try (KeyValueIterator<String, V> entries = readTo == null ? store.all()
                    : store.range(readTo + '\u0000', null)) {
                while (read < SLICE_ENTRIES && entries.hasNext()) {
                    var entry = entries.next();
                    read++;
                    readTo = entry.key;
                    if (staleness.isStale(entry.value, horizonMillis)) {
                        stale.add(entry.key);
                    }
                }
                if (!entries.hasNext()) {
                    running = false;
                }
            }
            stale.forEach(store::delete);
            if (!running && nextHorizonMillis != null) {
                long next = nextHorizonMillis;
                nextHorizonMillis = null;
                request(next);
            }
            if (!running && slicing != null) {
                slicing.cancel();
                slicing = null;
            }
        }
    }
}
