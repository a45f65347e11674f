package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.testing.TaskContexts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link EntityStore} reads and writes between and at commits, on a RocksDB store underneath. */
class EntityStoreTest {
    /** U+FFFD sorts before U+1F600 (a surrogate pair in UTF-16) by UTF-8 bytes, and after it by UTF-16 units. */
    private static final String REPLACEMENT = "k\uFFFD";
    private static final String EMOJI = "k\uD83D\uDE00";

    @TempDir
    File stateDir;

    private MockProcessorContext<Void, Void> context;
    private EntityStore<Long> store;

    @BeforeEach
    void open() {
        context = TaskContexts.of("entity-store-test", stateDir);
        store = reopened();
    }

    private EntityStore<Long> reopened() {
        EntityStore<Long> opened = EntityStore.builder(Stores.persistentKeyValueStore("entities"), Serdes.Long())
                .withLoggingDisabled().build();
        opened.init(context.getStateStoreContext(), opened);
        return opened;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<String> keys(KeyValueIterator<String, Long> entries) {
        List<String> keys = new ArrayList<>();
        try (entries) {
            entries.forEachRemaining(entry -> keys.add(entry.key + "=" + entry.value));
        }
        return keys;
    }

    @Test
    @DisplayName("changes are read at once, written at the commit, and lost with a transaction that aborts")
    void changesReachTheStoreAtTheCommit() {
        store.put("a", 1L);
        store.put("b", 2L);
        store.flushCache();
        store.put("a", 10L);
        store.delete("b");
        store.put("c", 3L);
        assertEquals(10L, store.get("a"));
        assertNull(store.get("b"));
        store.clearCache();
        assertEquals(List.of("a=1", "b=2"), keys(store.all()), "the aborted changes are gone, the committed kept");

        store.put("a", 10L);
        store.delete("b");
        store.flush();
        store.put("uncommitted", 5L);
        store.close();
        store = reopened();
        assertEquals(List.of("a=10"), keys(store.all()), "what the last commit wrote, deletions included");
    }

    @Test
    @DisplayName("iterators merge changed and stored entries in the order of the keys' UTF-8 bytes, as ranges mean")
    void iteratorsMergeInByteOrder() {
        store.put("a", 1L);
        store.put(EMOJI, 2L);
        store.put("m", 3L);
        store.put("z", 4L);
        store.flushCache();
        store.put(REPLACEMENT, 5L);
        store.put("m", 30L);
        store.delete("z");
        store.put("b", 6L);

        List<String> ascending = List.of("a=1", "b=6", REPLACEMENT + "=5", EMOJI + "=2", "m=30");
        assertEquals(ascending, keys(store.all()));
        List<String> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertEquals(descending, keys(store.reverseAll()));
        assertEquals(List.of("b=6", REPLACEMENT + "=5", EMOJI + "=2"), keys(store.range("b", EMOJI)));
        assertEquals(List.of(EMOJI + "=2", REPLACEMENT + "=5", "b=6"), keys(store.reverseRange("b", EMOJI)));
        assertEquals(List.of(REPLACEMENT + "=5", EMOJI + "=2"), keys(store.prefixScan("k", new StringSerializer())));
        assertFalse(store.range("m", "a").hasNext(), "a range whose start follows its end is empty");
    }

    @Test
    @DisplayName("after commits of many entities each changed many times, the store holds their last values")
    void manyChanges() {
        Random random = new Random(11);
        TreeMap<String, Long> expected = new TreeMap<>();
        for (int commit = 0; commit < 5; commit++) {
            for (int i = 0; i < 2_000; i++) {
                String key = "e" + random.nextInt(500);
                if (random.nextInt(5) == 0) {
                    store.delete(key);
                    expected.remove(key);
                } else {
                    long value = random.nextLong();
                    store.put(key, value);
                    expected.put(key, value);
                }
            }
            store.flushCache();
        }
        store.close();
        store = reopened();
        List<String> expectedKeys = new ArrayList<>();
        expected.forEach((key, value) -> expectedKeys.add(key + "=" + value));
        assertEquals(expectedKeys, keys(store.all()));
    }

    /** An entity store over {@code underneath}'s RocksDB store, opened in place of the test's. */
    private EntityStore<Long> reopenedOver(SpiedStore underneath) {
        store.close();
        KeyValueBytesStoreSupplier rocksdb = Stores.persistentKeyValueStore("entities");
        EntityStore<Long> opened = EntityStore.builder(new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return rocksdb.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return underneath.over(rocksdb.get());
            }

            @Override
            public String metricsScope() {
                return rocksdb.metricsScope();
            }
        }, Serdes.Long()).withLoggingDisabled().build();
        opened.init(context.getStateStoreContext(), opened);
        return opened;
    }

    @Test
    @DisplayName("a commit between a read's start and its store iterator loses none of the changes it reads")
    void commitDuringAReadLosesNothing() {
        SpiedStore underneath = new SpiedStore();
        store = reopenedOver(underneath);
        store.put("a", 1L);
        store.flushCache();
        store.put("b", 2L);
        store.put("c", 3L);
        underneath.onIterator.add(store::flushCache);

        assertEquals(List.of("a=1", "b=2", "c=3"), keys(store.all()));
        assertEquals(List.of("b=2", "c=3"), keys(store.range("b", "c")));
        assertEquals(List.of("c=3"), keys(store.prefixScan("c", new StringSerializer())));
    }

    @Test
    @DisplayName("an entity put and deleted between two commits is written only if the store held it")
    void entitiesThatCameAndWentWriteNothing() {
        SpiedStore underneath = new SpiedStore();
        store = reopenedOver(underneath);
        store.put("stored", 1L);
        store.flushCache();
        underneath.written.clear();

        store.put("new", 2L);
        store.delete("new");
        store.put("stored", 3L);
        store.delete("stored");
        store.delete("never");
        store.flushCache();

        assertEquals(List.of("never=null", "stored=null"), underneath.written.stream().sorted().toList(),
                "tombstones of the stored entity and of one deleted without a put; none of the new one");
        assertEquals(List.of(), keys(store.all()));
    }

    /**
     * The bytes store of an entity store, recording its writes; once an iterator is opened, before it is read, it
     * runs (and forgets) {@code onIterator}.
     */
    private static final class SpiedStore {
        final List<Runnable> onIterator = new ArrayList<>();
        final List<String> written = new ArrayList<>();

        KeyValueStore<Bytes, byte[]> over(KeyValueStore<Bytes, byte[]> rocksdb) {
            return new Spying(rocksdb);
        }

        private final class Spying extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]>
                implements KeyValueStore<Bytes, byte[]> {
            Spying(KeyValueStore<Bytes, byte[]> wrapped) {
                super(wrapped);
            }

            private KeyValueIterator<Bytes, byte[]> opened(KeyValueIterator<Bytes, byte[]> iterator) {
                List<Runnable> run = List.copyOf(onIterator);
                onIterator.clear();
                run.forEach(Runnable::run);
                return iterator;
            }

            @Override
            public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
                return opened(wrapped().range(from, to));
            }

            @Override
            public KeyValueIterator<Bytes, byte[]> all() {
                return opened(wrapped().all());
            }

            @Override
            public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS serializer) {
                return opened(wrapped().prefixScan(prefix, serializer));
            }

            private void record(Bytes key, byte[] value) {
                written.add(new String(key.get(), StandardCharsets.UTF_8) + "=" + (value == null ? null : "value"));
            }

            @Override
            public void put(Bytes key, byte[] value) {
                record(key, value);
                wrapped().put(key, value);
            }

            @Override
            public byte[] putIfAbsent(Bytes key, byte[] value) {
                record(key, value);
                return wrapped().putIfAbsent(key, value);
            }

            @Override
            public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
                entries.forEach(entry -> put(entry.key, entry.value));
            }

            @Override
            public byte[] delete(Bytes key) {
                record(key, null);
                return wrapped().delete(key);
            }

            @Override
            public byte[] get(Bytes key) {
                return wrapped().get(key);
            }

            @Override
            public long approximateNumEntries() {
                return wrapped().approximateNumEntries();
            }
        }
    }
}
