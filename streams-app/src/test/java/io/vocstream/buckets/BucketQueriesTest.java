package io.vocstream.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vocstream.events.Touchpoint;
import io.vocstream.schemas.EventTopic;
import io.vocstream.streams.JsonSerde;
import io.vocstream.testing.Events;
import io.vocstream.testing.TopologyHarness;
import io.vocstream.time.BucketSize;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bucketed counts written through {@link BucketStore} and read back by {@link BucketQueries}. */
class BucketQueriesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String STORE = "test-counts";

    /** The simplest mergeable statistic. */
    public record Count(long n) implements Mergeable<Count> {
        static final Count ZERO = new Count(0);

        @Override
        public Count merge(Count other) {
            return new Count(n + other.n);
        }
    }

    private final TopologyHarness harness = TopologyHarness.start(Map.of("events.grace", "PT1H"),
            TopologyHarness.of((builder, inputs) -> {
                builder.addStateStore(BucketStore.builder(STORE, BucketSize.MINUTE, Duration.ofDays(1),
                        JsonSerde.of(Count.class)));
                inputs.<SpecificRecord>of(EventTopic.SURVEY).process(() -> new Processor<String, SpecificRecord,
                        Void, Void>() {
                    private BucketStore<Count> counts;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        counts = context.getStateStore(STORE);
                    }

                    @Override
                    public void process(Record<String, SpecificRecord> record) {
                        String region = String.valueOf(record.value().get(record.value().getSchema()
                                .getField("region").pos()));
                        counts.add(SliceKeys.all(), record.timestamp(), new Count(1));
                        counts.add(SliceKeys.of("region", region), record.timestamp(), new Count(1));
                    }
                }, STORE);
            }));

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void survey(String region, Instant at) {
        harness.pipe(Events.survey(Events.eventId(), Touchpoint.AGENT, at).setRegion(region).setCsat(3).build());
    }

    @Test
    @DisplayName("a range merges exactly the buckets that start inside it, whatever the arrival order")
    void mergesRange() {
        survey("north", T0.plusSeconds(59));       // bucket 10:00
        survey("north", T0.plusSeconds(60));       // bucket 10:01
        survey("south", T0.plusSeconds(130));      // bucket 10:02
        survey("north", T0.minusSeconds(1));       // bucket 09:59, arrives late
        ReadOnlyWindowStore<String, Count> store = harness.bucketStore(STORE);

        TimeRange tenToTwo = new TimeRange(T0, T0.plusSeconds(120));
        assertEquals(new Count(2), BucketQueries.merged(store, SliceKeys.all(), tenToTwo, Count.ZERO));
        assertEquals(new Count(4), BucketQueries.merged(store, SliceKeys.all(),
                new TimeRange(T0.minusSeconds(60), T0.plusSeconds(180)), Count.ZERO));
        assertEquals(Count.ZERO, BucketQueries.merged(store, SliceKeys.of("region", "east"), tenToTwo, Count.ZERO));
        assertEquals(Map.of("region=north", new Count(3), "region=south", new Count(1)),
                BucketQueries.mergedByKeyPrefix(store, SliceKeys.prefixOf("region"),
                        new TimeRange(T0.minusSeconds(60), T0.plusSeconds(180))));
    }

    @Test
    @DisplayName("a series has every step, empty ones included")
    void series() {
        survey("north", T0.plusSeconds(10));
        survey("north", T0.plusSeconds(20));
        survey("north", T0.plusSeconds(130));
        NavigableMap<Instant, Count> steps = BucketQueries.<Count>series(harness.bucketStore(STORE),
                SliceKeys.all(), new TimeRange(T0, T0.plusSeconds(180)), Duration.ofMinutes(1), Count.ZERO);
        assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120)), List.copyOf(steps.keySet()));
        assertEquals(List.of(new Count(2), Count.ZERO, new Count(1)), List.copyOf(steps.values()));
    }
}
