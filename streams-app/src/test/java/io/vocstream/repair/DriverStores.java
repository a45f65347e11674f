package io.vocstream.repair;

import io.vocstream.time.BucketSize;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The repair stores of a {@link TopologyTestDriver}, read as the routes read an instance's stores. */
record DriverStores(TopologyTestDriver driver) implements RepairQueries.LocalStores {
    @Override
    public ReadOnlyWindowStore<String, RepairStats> orderStats(BucketSize size) {
        return driver.getWindowStore(RepairTopology.orderStatsStore(size));
    }

    @Override
    public ReadOnlyWindowStore<String, RepairStats> subjectStats(BucketSize size) {
        return driver.getWindowStore(RepairTopology.subjectStatsStore(size));
    }

    @Override
    public ReadOnlyKeyValueStore<String, WorkOrder> orders() {
        return driver.getKeyValueStore(RepairTopology.ORDERS_STORE);
    }

    @Override
    public ReadOnlyKeyValueStore<String, OpenOrder> open() {
        return driver.getKeyValueStore(RepairTopology.OPEN_STORE);
    }
}
