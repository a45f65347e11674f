package io.vocstream.ingest;

import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.EntityStore;
import io.vocstream.streams.InputStreams;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-topic event counts: how many usable events (decoded, valid, on time, not duplicates) each input topic has
 * delivered and the latest event time,
 * the first thing to look at when a figure seems stale. Counts are kept per partition (no re-partitioning) and
 * summed at query time.
 */
public final class IngestTopology {
    public static final String COUNTS_STORE = "ingest-topic-activity";

    private IngestTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder builder, InputStreams inputs) {
        builder.addStateStore(EntityStore.builder(Stores.persistentKeyValueStore(COUNTS_STORE), TopicActivity.SERDE));
        for (EventTopic topic : EventTopic.values()) {
            inputs.<SpecificRecord>of(topic).process(() -> new ActivityCounter(topic.baseName()), COUNTS_STORE);
        }
        return builder;
    }

    /** Adds each record to its topic's activity in this partition's store. */
    private static final class ActivityCounter implements Processor<String, SpecificRecord, Void, Void> {
        private final String topic;
        private KeyValueStore<String, TopicActivity> store;

        ActivityCounter(String topic) {
            this.topic = topic;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(COUNTS_STORE);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.value() == null) {
                return;
            }
            TopicActivity current = store.get(topic);
            store.put(topic, (current == null ? TopicActivity.NONE : current).plusEvent(record.timestamp()));
        }
    }
}
