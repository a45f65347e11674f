package io.vocstream.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vocstream.buckets.BucketQueriesTest.Count;
import io.vocstream.streams.JsonSerde;
import io.vocstream.time.BucketSize;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.BytesDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a bucket store writes for buckets older than its retention behind the newest it wrote, in a topology with its
 * changelog: nothing, as the window store would keep nothing of them.
 */
class BucketStoreExpiryTest {
    private static final Duration RETENTION = Duration.ofHours(25);
    private static final long NOW = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

    @Test
    @DisplayName("a bucket older than the retention behind the newest written is neither kept nor logged")
    void expiredBucketsAreNeitherKeptNorLogged() {
        StreamsBuilder builder = new StreamsBuilder();
        BucketFamily.addStores(builder, "counts", JsonSerde.of(Count.class), size -> RETENTION);
        builder.stream("events", Consumed.with(Serdes.String(), Serdes.Long()))
                .process(() -> new Processor<String, Long, Void, Void>() {
                    private BucketFamily<Count> counts;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        counts = BucketFamily.open(context, "counts");
                    }

                    @Override
                    public void process(Record<String, Long> record) {
                        counts.add(record.key(), record.value(), new Count(1));
                    }
                }, BucketFamily.storeNames("counts"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bucket-expiry");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, Long> events = driver.createInputTopic("events", new StringSerializer(),
                    new LongSerializer());
            long kept = NOW - RETENTION.toMillis() + Duration.ofHours(1).toMillis();
            long expired = NOW - 2 * RETENTION.toMillis();
            events.pipeInput("all=all", NOW);
            events.pipeInput("all=all", kept);
            events.pipeInput("all=all", expired);
            events.pipeInput("all=all", NOW);

            for (BucketSize size : BucketSize.values()) {
                String name = BucketFamily.storeName("counts", size);
                @SuppressWarnings("unchecked")
                BucketStore<Count> store = (BucketStore<Count>) driver.getAllStateStores().get(name);
                assertEquals(new Count(2), store.fetch("all=all", size.startOf(NOW)), name);
                assertEquals(new Count(1), store.fetch("all=all", size.startOf(kept)), name);
                assertNull(store.fetch("all=all", size.startOf(expired)), name);
                List<Long> logged = driver.createOutputTopic("bucket-expiry-" + name + "-changelog",
                                new BytesDeserializer(), new BytesDeserializer()).readKeyValuesToList().stream()
                        .map(kv -> startOf(kv.key)).toList();
                assertEquals(List.of(size.startOf(NOW), size.startOf(kept), size.startOf(NOW)), logged, name);
            }
        }
    }

    /** The window start of a window store's changelog key: key bytes, then the start, then a sequence number. */
    private static long startOf(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES - Integer.BYTES, Long.BYTES).getLong();
    }
}
