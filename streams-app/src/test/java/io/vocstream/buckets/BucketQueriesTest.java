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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
                BucketFamily.addStores(builder, STORE, JsonSerde.of(Count.class), size -> Duration.ofDays(1));
                inputs.<SpecificRecord>of(EventTopic.SURVEY).process(() -> new Processor<String, SpecificRecord,
                        Void, Void>() {
                    private BucketFamily<Count> counts;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        counts = BucketFamily.open(context, STORE);
                    }

                    @Override
                    public void process(Record<String, SpecificRecord> record) {
                        String region = String.valueOf(record.value().get(record.value().getSchema()
                                .getField("region").pos()));
                        counts.add(SliceKeys.all(), record.timestamp(), new Count(1));
                        counts.add(SliceKeys.of("region", region), record.timestamp(), new Count(1));
                    }
                }, BucketFamily.storeNames(STORE));
            }));

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void survey(String region, Instant at) {
        harness.pipe(Events.survey(Events.eventId(), Touchpoint.AGENT, at).setRegion(region).setCsat(3).build());
    }

    private BucketStores<Count> stores() {
        return size -> harness.bucketStore(BucketFamily.storeName(STORE, size));
    }

    @Test
    @DisplayName("a range merges exactly the buckets that start inside it, whatever the arrival order")
    void mergesRange() {
        survey("north", T0.plusSeconds(59));       // bucket 10:00
        survey("north", T0.plusSeconds(60));       // bucket 10:01
        survey("south", T0.plusSeconds(130));      // bucket 10:02
        survey("north", T0.minusSeconds(1));       // bucket 09:59, arrives late
        BucketStores<Count> store = stores();

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
    @DisplayName("a dimension's slices are every value, however it begins (a character outside the Basic Multilingual "
            + "Plane sorts above U+FFFF in UTF-8), and nothing beyond them")
    void everyValueOfADimension() {
        survey("\uD83C\uDF0Dearth", T0.plusSeconds(10));
        survey("\uFFFFmax", T0.plusSeconds(10));
        survey("north", T0.plusSeconds(20));
        survey("north", T0.plusSeconds(30));
        TimeRange range = new TimeRange(T0, T0.plusSeconds(60));
        assertEquals(Map.of("region=\uD83C\uDF0Dearth", new Count(1), "region=\uFFFFmax", new Count(1),
                        "region=north", new Count(2)),
                BucketQueries.mergedByKeyPrefix(stores(), SliceKeys.prefixOf("region"), range));
        assertEquals(Map.of("all=all", new Count(4)),
                BucketQueries.mergedByKeyPrefix(stores(), SliceKeys.prefixOf("all"), range));
    }

    @Test
    @DisplayName("a series has every step, empty ones included")
    void series() {
        survey("north", T0.plusSeconds(10));
        survey("north", T0.plusSeconds(20));
        survey("north", T0.plusSeconds(130));
        NavigableMap<Instant, Count> steps = BucketQueries.<Count>series(
                harness.bucketStore(BucketFamily.storeName(STORE, BucketSize.MINUTE)), SliceKeys.all(),
                new TimeRange(T0, T0.plusSeconds(180)), Duration.ofMinutes(1), Count.ZERO);
        assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120)), List.copyOf(steps.keySet()));
        assertEquals(List.of(new Count(2), Count.ZERO, new Count(1)), List.copyOf(steps.values()));
    }

    @Test
    @DisplayName("a range is read as quarter hours where whole ones fit and minutes at its ends, counting each event "
            + "once, as counted one by one")
    void wholeQuartersFromQuarterHourBuckets() {
        List<Instant> times = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            times.add(T0.plusMillis(random.nextInt(3 * 3_600_000)));
        }
        times.sort(null); // in time order: none is later than the grace period
        times.forEach(t -> survey("north", t));
        for (int[] minutes : new int[][] {{0, 180}, {7, 173}, {14, 16}, {15, 30}, {1, 59}, {29, 121}, {44, 46}}) {
            TimeRange range = new TimeRange(T0.plusSeconds(60L * minutes[0]), T0.plusSeconds(60L * minutes[1]));
            long expected = times.stream().filter(t -> range.contains(t.toEpochMilli())).count();
            assertEquals(new Count(expected), BucketQueries.merged(stores(), SliceKeys.all(), range, Count.ZERO),
                    range.toString());
            assertEquals(expected == 0 ? Map.of() : Map.of("region=north", new Count(expected)),
                    BucketQueries.mergedByKeyPrefix(stores(), SliceKeys.prefixOf("region"), range), range.toString());
        }
    }

    @Test
    @DisplayName("the parts of a range: minutes up to the first quarter hour, whole quarter hours, minutes after")
    void parts() {
        Instant q = Instant.parse("2026-11-23T10:15:00Z");
        assertEquals(List.of(new BucketQueries.Part(BucketSize.MINUTE, new TimeRange(q.minusSeconds(420), q)),
                        new BucketQueries.Part(BucketSize.QUARTER_HOUR, new TimeRange(q, q.plusSeconds(3600))),
                        new BucketQueries.Part(BucketSize.MINUTE,
                                new TimeRange(q.plusSeconds(3600), q.plusSeconds(3660)))),
                BucketQueries.parts(new TimeRange(q.minusSeconds(420), q.plusSeconds(3660))));
        assertEquals(List.of(new BucketQueries.Part(BucketSize.QUARTER_HOUR, new TimeRange(q, q.plusSeconds(900)))),
                BucketQueries.parts(new TimeRange(q, q.plusSeconds(900))));
        TimeRange noWholeQuarter = new TimeRange(q.plusSeconds(60), q.plusSeconds(960));
        assertEquals(List.of(new BucketQueries.Part(BucketSize.MINUTE, noWholeQuarter)),
                BucketQueries.parts(noWholeQuarter));
        TimeRange notWholeMinutes = new TimeRange(q.minusSeconds(30), q.plusSeconds(1800));
        assertEquals(List.of(new BucketQueries.Part(BucketSize.MINUTE, notWholeMinutes)),
                BucketQueries.parts(notWholeMinutes));
    }
}
