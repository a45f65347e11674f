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
 * What a bucket store writes for buckets older than its retention behind the newest it wrote or behind the clock, in a
 * topology with its changelog: nothing, as the window store would keep nothing of them.
 */
class BucketStoreExpiryTest {
    private static final Duration RETENTION = Duration.ofHours(25);
    private static final long NOW = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
    private static final String APPLICATION_ID = "bucket-expiry";

    @Test
    @DisplayName("a bucket older than the retention behind the newest written is neither kept nor logged")
    void expiredBucketsAreNeitherKeptNorLogged() {
        long kept = NOW - RETENTION.toMillis() + Duration.ofHours(1).toMillis();
        long expired = NOW - 2 * RETENTION.toMillis();
        try (TopologyTestDriver driver = countsDriver(NOW)) {
            pipe(driver, NOW, kept, expired, NOW);

            for (BucketSize size : BucketSize.values()) {
                BucketStore<Count> store = store(driver, size);
                assertEquals(new Count(2), store.fetch("all=all", size.startOf(NOW)), size.name());
                assertEquals(new Count(1), store.fetch("all=all", size.startOf(kept)), size.name());
                assertNull(store.fetch("all=all", size.startOf(expired)), size.name());
                assertEquals(List.of(size.startOf(NOW), size.startOf(kept), size.startOf(NOW)), logged(driver, size),
                        size.name());
            }
        }
    }

    @Test
    @DisplayName("a bucket older than the retention behind the clock is neither kept nor logged, though newer than any "
            + "written: catching up on a history, the older part would only be expired")
    void bucketsBehindTheClockAreNeitherKeptNorLogged() {
        long kept = NOW - RETENTION.toMillis() + Duration.ofHours(1).toMillis();
        long behindTheClock = NOW - 2 * RETENTION.toMillis();
        try (TopologyTestDriver driver = countsDriver(NOW)) {
            pipe(driver, behindTheClock, behindTheClock + 60_000, kept);

            for (BucketSize size : BucketSize.values()) {
                BucketStore<Count> store = store(driver, size);
                assertNull(store.fetch("all=all", size.startOf(behindTheClock)), size.name());
                assertEquals(new Count(1), store.fetch("all=all", size.startOf(kept)), size.name());
                assertEquals(List.of(size.startOf(kept)), logged(driver, size), size.name());
            }
        }
    }

    /** A topology counting each event in the bucket of its value (an event time), its wall clock at {@code clock}. */
    private static TopologyTestDriver countsDriver(long clock) {
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
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), props, Instant.ofEpochMilli(clock));
    }

    /** One event of slice all=all per time, each committed on its own. */
    private static void pipe(TopologyTestDriver driver, long... eventTimes) {
        TestInputTopic<String, Long> events = driver.createInputTopic("events", new StringSerializer(),
                new LongSerializer());
        for (long time : eventTimes) {
            events.pipeInput("all=all", time);
        }
    }

    @SuppressWarnings("unchecked")
    private static BucketStore<Count> store(TopologyTestDriver driver, BucketSize size) {
        return (BucketStore<Count>) driver.getAllStateStores().get(BucketFamily.storeName("counts", size));
    }

    /** The bucket starts the store of {@code size} wrote to its changelog, in order. */
    private static List<Long> logged(TopologyTestDriver driver, BucketSize size) {
        return driver.createOutputTopic(APPLICATION_ID + "-" + BucketFamily.storeName("counts", size) + "-changelog",
                        new BytesDeserializer(), new BytesDeserializer()).readKeyValuesToList().stream()
                .map(kv -> startOf(kv.key)).toList();
    }

    /** The window start of a window store's changelog key: key bytes, then the start, then a sequence number. */
    private static long startOf(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES - Integer.BYTES, Long.BYTES).getLong();
    }
}
