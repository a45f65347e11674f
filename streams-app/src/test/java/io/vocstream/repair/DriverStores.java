package io.vocstream.repair;

import io.vocstream.time.BucketSize;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** The repair stores of a {@link TopologyTestDriver}, read as the routes read an instance's stores. */
record DriverStores(TopologyTestDriver driver) implements RepairQueries.LocalStores {
    @Override
    public List<ReadOnlyWindowStore<String, RepairStats>> stats(BucketSize size) {
        return RepairTopology.statsStores(size).stream()
                .<ReadOnlyWindowStore<String, RepairStats>>map(this::bucketStore).toList();
    }

    @SuppressWarnings("unchecked")
    private ReadOnlyWindowStore<String, RepairStats> bucketStore(String name) {
        return (ReadOnlyWindowStore<String, RepairStats>) driver.getAllStateStores().get(name);
    }

    @Override
    public ReadOnlyKeyValueStore<String, WorkOrder> orders() {
        return driver.getKeyValueStore(RepairTopology.ORDERS_STORE);
    }

    @Override
    public ReadOnlyKeyValueStore<String, OpenOrder> open() {
        return driver.getKeyValueStore(RepairTopology.OPEN_STORE);
    }

    @Override
    public ReadOnlyKeyValueStore<String, Interruption> interruptions() {
        return driver.getKeyValueStore(RepairTopology.INTERRUPTIONS_STORE);
    }
}
