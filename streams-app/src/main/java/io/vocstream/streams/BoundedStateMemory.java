package io.vocstream.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store in the process by one budget ({@code state.memory.mb}): one block
 * cache shared by all stores, holding their index and filter blocks too, and charged for their memtables. Without it
 * each store keeps its own 50 MB block cache and up to three 16 MB memtables, and a window store is a RocksDB per
 * segment: the throughput benchmark's state is 805 of them, and its process peaked at 15.5 GB resident. The price is
 * throughput: memtables flushed small are more files to compact (with 2 GiB, the benchmark's steady rate fell by
 * half). The budget is per process (the cache is shared by every Kafka Streams instance in it, as the first one
 * configured it).
 */
public final class BoundedStateMemory implements RocksDBConfigSetter {
    /** The Kafka Streams property holding the budget, in bytes. */
    public static final String BYTES = "vocstream.state.memory.bytes";
    /** Share of the budget memtables may take before the largest is flushed. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, which every read needs. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private static Shared shared;

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    }

    private static synchronized Shared shared(long bytes) {
        if (shared == null) {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            shared = new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        }
        return shared;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(Long.parseLong(String.valueOf(configs.get(BYTES))));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store, and live as long as the process
    }
}
