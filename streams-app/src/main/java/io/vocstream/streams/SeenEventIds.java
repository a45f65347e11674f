package io.vocstream.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The eventIds a partition accepted, each with its event time, remembered as long as an event of its time can still
 * arrive on time and then some, to tell a duplicate by.
 *
 * <p>Ids are kept in slots as long as the grace period, by the start of the slot of their event time, and looked up
 * by hash: an earlier acceptance within the grace period of an event time is in its slot or a neighbour. Every event
 * adds an id, so the store is made for that: the ids accepted between two commits are written as a few records per
 * slot (a batch each, at most {@link #BATCH_BYTES}), not one record per id, to an in-memory store and its changelog.
 * The batches are written when Kafka flushes the store before committing the offsets of the events they hold, and
 * dropped with the transaction if it aborts (a {@link CommitBufferedStore}). After a restore the ids are read back
 * from the batches on first use.
 */
public final class SeenEventIds extends CommitBufferedStore<KeyValueStore<String, Map<String, Long>>> {
    /** The largest batch record, well under the broker's default limit of a record (1 MB). */
    static final int BATCH_BYTES = 256 * 1024;
    /** A batch's version byte and count of ids. */
    private static final int BATCH_HEADER_BYTES = 1 + Integer.BYTES;
    private static final byte VERSION = 1;
    /** A batch: its ids, each with its event time. */
    private static final Serde<Map<String, Long>> BATCH_SERDE = StateCodec.serde("seen event ids", VERSION,
            (out, ids) -> out.putMap(ids, StateCodec.Writer::putString, StateCodec.Writer::putLong),
            in -> in.getSortedMap(StateCodec.Reader::getString, StateCodec.Reader::getLong));

    private final long slotMillis;
    private final long graceMillis;
    private final long rememberedMillis;
    /** The ids of the slots kept, by slot start; {@code null} until read from the batches. */
    private NavigableMap<Long, Slot> slots;
    /** Ids accepted since the last flush, encoded, by slot start. */
    private final Map<Long, Batches> pending = new HashMap<>();

    /** A slot's ids with their event times, and the keys of the batches that hold them. */
    private static final class Slot {
        final Map<String, Long> ids = new HashMap<>();
        final List<String> batchKeys = new ArrayList<>();
    }

    /** A slot's ids accepted since the last flush, cut into batches of at most {@link #BATCH_BYTES} encoded. */
    private static final class Batches {
        final List<KeyValue<String, Map<String, Long>>> full = new ArrayList<>();
        Map<String, Long> open;
        String openKey;
        /** At least the encoded size of {@link #open}: UTF-8 takes at most three bytes a UTF-16 char. */
        int openBytes;
    }

    private SeenEventIds(KeyValueStore<String, Map<String, Long>> batches, Duration grace, Duration remembered) {
        super(batches);
        this.graceMillis = grace.toMillis();
        this.slotMillis = Math.max(graceMillis, 1);
        this.rememberedMillis = remembered.toMillis();
    }

    /**
     * The store of the ids accepted with {@code grace}, remembered as long as an event of their time can still arrive
     * on time and then some. Logged to a compacted changelog whose segments roll as often as ids are remembered, so
     * that the batches of forgotten slots (deleted) are compacted away.
     */
    public static StoreBuilder<SeenEventIds> builder(String name, Duration grace) {
        return builder(Stores.inMemoryKeyValueStore(name), grace);
    }

    /** As {@link #builder(String, Duration)}, the batches kept in {@code batches}. */
    static StoreBuilder<SeenEventIds> builder(KeyValueBytesStoreSupplier batches, Duration grace) {
        Duration remembered = grace.multipliedBy(2).plus(Duration.ofHours(1));
        return builder(Stores.keyValueStoreBuilder(batches, Serdes.String(), BATCH_SERDE)
                .withLoggingEnabled(Map.of(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(remembered.toMillis()))),
                store -> new SeenEventIds(store, grace, remembered));
    }

    /** Whether {@code eventId} was accepted with an event time within the grace period of {@code eventTime}. */
    public boolean seen(String eventId, long eventTime) {
        long slot = slotOf(eventTime);
        for (long start = slot - slotMillis; start <= slot + slotMillis; start += slotMillis) {
            Slot ids = slots().get(start);
            Long acceptedAt = ids == null ? null : ids.ids.get(eventId);
            if (acceptedAt != null && Math.abs(acceptedAt - eventTime) <= graceMillis) {
                return true;
            }
        }
        return false;
    }

    /** Remembers that {@code eventId} was accepted with {@code eventTime}. */
    public void add(String eventId, long eventTime) {
        long slot = slotOf(eventTime);
        if (remember(eventId, eventTime, slot)) {
            append(pending.computeIfAbsent(slot, s -> new Batches()), slot, eventId, eventTime);
        }
    }

    private long slotOf(long eventTime) {
        return Math.floorDiv(eventTime, slotMillis) * slotMillis;
    }

    /**
     * Adds an id to its slot; a new slot forgets the slots older than the newest one's start minus the time ids are
     * remembered. False if the id's own slot is one of those.
     */
    private boolean remember(String eventId, long eventTime, long slot) {
        NavigableMap<Long, Slot> kept = slots();
        Slot ids = kept.get(slot);
        if (ids == null) {
            ids = new Slot();
            kept.put(slot, ids);
            NavigableMap<Long, Slot> forgotten = kept.headMap(kept.lastKey() - rememberedMillis, true);
            forgotten.forEach((start, old) -> {
                old.batchKeys.forEach(store::delete);
                pending.remove(start);
            });
            forgotten.clear();
            if (!kept.containsKey(slot)) {
                return false;
            }
        }
        ids.ids.put(eventId, eventTime);
        return true;
    }

    private static void append(Batches slotBatches, long slot, String eventId, long eventTime) {
        int size = Integer.BYTES + 3 * eventId.length() + Long.BYTES;
        if (slotBatches.open != null && slotBatches.openBytes + size > BATCH_BYTES) {
            slotBatches.full.add(KeyValue.pair(slotBatches.openKey, slotBatches.open));
            slotBatches.open = null;
        }
        if (slotBatches.open == null) {
            slotBatches.open = new HashMap<>();
            // unique: an id is accepted at most once with a given event time
            slotBatches.openKey = slot + "/" + eventTime + "/" + eventId;
            slotBatches.openBytes = BATCH_HEADER_BYTES;
        }
        slotBatches.open.put(eventId, eventTime);
        slotBatches.openBytes += size;
    }

    /** The slots kept, read from the batches first if they have not been since the store was (re)started. */
    private NavigableMap<Long, Slot> slots() {
        if (slots == null) {
            slots = new TreeMap<>();
            try (KeyValueIterator<String, Map<String, Long>> all = store.all()) {
                all.forEachRemaining(batch -> {
                    long slot = Long.parseLong(batch.key.substring(0, batch.key.indexOf('/')));
                    Slot ids = slots.computeIfAbsent(slot, s -> new Slot());
                    ids.batchKeys.add(batch.key);
                    ids.ids.putAll(batch.value);
                });
            }
        }
        return slots;
    }

    /** Writes the ids accepted since the last flush, a few batches per slot. */
    @Override
    public void flushCache() {
        pending.forEach((slot, slotBatches) -> {
            Slot ids = slots().get(slot);
            slotBatches.full.forEach(batch -> write(ids, batch.key, batch.value));
            if (slotBatches.open != null) {
                write(ids, slotBatches.openKey, slotBatches.open);
            }
        });
        pending.clear();
    }

    private void write(Slot ids, String key, Map<String, Long> batch) {
        store.put(key, batch);
        ids.batchKeys.add(key);
    }

    /** Forgets the ids not written, with those written: they are read again from the batches on next use. */
    @Override
    public void clearCache() {
        pending.clear();
        slots = null;
    }
}
