package io.vocstream.streams;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.OffsetCheckpoint;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Persistent window stores whose local state survives a clean restart under exactly-once.
 *
 * <p>Kafka Streams (4.3) keeps a segmented store's committed changelog offset in its segments, so a window store
 * without a segment — nothing written to it yet, or all of it expired — cannot say which offset it holds. Under
 * exactly-once, a task whose directory is not empty and one of whose stores has no offset is taken for corrupt: all
 * its local state is wiped and restored from the changelogs, at every restart of a deployment that, say, is not fed
 * repair events. A window store holding nothing cannot hold uncommitted data, so it reports its offset as unknown,
 * which restores it from the start of its changelog, as for a store that was never checkpointed.
 */
public final class WindowStores {
    private WindowStores() {
    }

    /** As {@link Stores#persistentWindowStore(String, Duration, Duration, boolean)}, without duplicates. */
    public static WindowBytesStoreSupplier persistent(String name, Duration retention, Duration windowSize) {
        return new Supplier(Stores.persistentWindowStore(name, retention, windowSize, false));
    }

    private record Supplier(WindowBytesStoreSupplier rocksdb) implements WindowBytesStoreSupplier {
        @Override
        public String name() {
            return rocksdb.name();
        }

        @Override
        public WindowStore<Bytes, byte[]> get() {
            return new EmptyKnowsItsOffset(rocksdb.get());
        }

        @Override
        public String metricsScope() {
            return rocksdb.metricsScope();
        }

        @Override
        public long segmentIntervalMs() {
            return rocksdb.segmentIntervalMs();
        }

        @Override
        public long windowSize() {
            return rocksdb.windowSize();
        }

        @Override
        public boolean retainDuplicates() {
            return rocksdb.retainDuplicates();
        }

        @Override
        public long retentionPeriod() {
            return rocksdb.retentionPeriod();
        }
    }

    /** The RocksDB window store, answering "unknown" rather than "none" for the offset of no data. */
    private static final class EmptyKnowsItsOffset extends WrappedStateStore<WindowStore<Bytes, byte[]>, Bytes, byte[]>
            implements WindowStore<Bytes, byte[]> {
        EmptyKnowsItsOffset(WindowStore<Bytes, byte[]> rocksdb) {
            super(rocksdb);
        }

        @Override
        public Long committedOffset(TopicPartition partition) {
            Long committed = wrapped().committedOffset(partition);
            if (committed != null) {
                return committed;
            }
            try (KeyValueIterator<Windowed<Bytes>, byte[]> any = wrapped().all()) {
                return any.hasNext() ? null : OffsetCheckpoint.OFFSET_UNKNOWN;
            }
        }

        @Override
        public void put(Bytes key, byte[] value, long windowStartTimestamp) {
            wrapped().put(key, value, windowStartTimestamp);
        }

        @Override
        public byte[] fetch(Bytes key, long time) {
            return wrapped().fetch(key, time);
        }

        @Override
        public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
            return wrapped().fetch(key, timeFrom, timeTo);
        }

        @Override
        public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
            return wrapped().backwardFetch(key, timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                              long timeTo) {
            return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                      long timeTo) {
            return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
            return wrapped().fetchAll(timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
            return wrapped().backwardFetchAll(timeFrom, timeTo);
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
            return wrapped().all();
        }

        @Override
        public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
            return wrapped().backwardAll();
        }
    }
}
