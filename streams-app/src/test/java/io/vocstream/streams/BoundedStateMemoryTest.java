package io.vocstream.streams;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedStateMemoryTest {
    @Test
    @DisplayName("every store gets the one shared write buffer manager, with index and filter blocks in the cache")
    void storesShareOneBudget() {
        Map<String, Object> configs = Map.of(BoundedStateMemory.BYTES, String.valueOf(64L << 20));
        BoundedStateMemory setter = new BoundedStateMemory();
        try (Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            setter.setConfig("first", first, configs);
            setter.setConfig("second", second, configs);
            assertSame(first.writeBufferManager(), second.writeBufferManager());
            BlockBasedTableConfig table = (BlockBasedTableConfig) second.tableFormatConfig();
            assertTrue(table.cacheIndexAndFilterBlocks());
            assertTrue(table.pinTopLevelIndexAndFilter());
        }
    }
}
