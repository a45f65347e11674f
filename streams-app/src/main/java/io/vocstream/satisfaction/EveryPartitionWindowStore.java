package io.vocstream.satisfaction;

import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The local tasks' stores of slice statistics, read so that one slice's buckets come from every partition. Kafka
 * Streams' composite store answers a single-key fetch from the first task that holds the key, which is right for
 * keyed state but not for statistics pre-aggregated per partition, where every partition holds a part of each slice;
 * a key range of one key visits every task.
 */
record EveryPartitionWindowStore(ReadOnlyWindowStore<String, SatisfactionStats> tasks)
        implements ReadOnlyWindowStore<String, SatisfactionStats> {

    @Override
    public SatisfactionStats fetch(String key, long bucketStart) {
        Instant at = Instant.ofEpochMilli(bucketStart);
        SatisfactionStats merged = null;
        try (KeyValueIterator<Windowed<String>, SatisfactionStats> parts = tasks.fetch(key, key, at, at)) {
            while (parts.hasNext()) {
                SatisfactionStats part = parts.next().value;
                merged = merged == null ? part : merged.merge(part);
            }
        }
        return merged;
    }

    @Override
    public WindowStoreIterator<SatisfactionStats> fetch(String key, Instant from, Instant to) {
        KeyValueIterator<Windowed<String>, SatisfactionStats> parts = tasks.fetch(key, key, from, to);
        return new WindowStoreIterator<>() {
            @Override
            public boolean hasNext() {
                return parts.hasNext();
            }

            @Override
            public KeyValue<Long, SatisfactionStats> next() {
                KeyValue<Windowed<String>, SatisfactionStats> part = parts.next();
                return KeyValue.pair(part.key.window().start(), part.value);
            }

            @Override
            public Long peekNextKey() {
                return parts.peekNextKey().window().start();
            }

            @Override
            public void close() {
                parts.close();
            }
        };
    }

    @Override
    public KeyValueIterator<Windowed<String>, SatisfactionStats> fetch(String keyFrom, String keyTo, Instant from,
                                                                      Instant to) {
        return tasks.fetch(keyFrom, keyTo, from, to);
    }

    @Override
    public KeyValueIterator<Windowed<String>, SatisfactionStats> all() {
        return tasks.all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, SatisfactionStats> fetchAll(Instant from, Instant to) {
        return tasks.fetchAll(from, to);
    }
}
