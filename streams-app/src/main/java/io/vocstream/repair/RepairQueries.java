package io.vocstream.repair;

import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.BucketStores;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.events.RepairEventType;
import io.vocstream.time.BucketSize;
import io.vocstream.time.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The repair queries in two halves: partials read from this instance's stores (what a {@code scope=local} leg
 * answers), and the final rows computed from the partials of every instance.
 */
public final class RepairQueries {
    /** Every dimension a query may slice by: the whole population and the order dimensions. */
    public static final List<String> DIMENSIONS =
            Stream.concat(Stream.of(SliceKeys.ALL), WorkOrder.DIMENSIONS.stream()).toList();

    /** The stores a query reads: this instance's (through the router), or a test driver's. */
    public interface LocalStores {
        /** The bucket statistics of the order, subject and feedback partitions, which add up. */
        List<ReadOnlyWindowStore<String, RepairStats>> stats(BucketSize size);

        ReadOnlyKeyValueStore<String, WorkOrder> orders();

        ReadOnlyKeyValueStore<String, OpenOrder> open();

        /** Each restored outage's interruption once per slice, by {@link Interruption#key}. */
        ReadOnlyKeyValueStore<String, Interruption> interruptions();
    }

    /** One slice's statistics from one instance. */
    public record SlicePartial(String sliceKey, RepairStats stats) {
    }

    /** One step of one slice's series from one instance. */
    public record StepPartial(Instant time, RepairStats stats) {
    }

    /** One slice's open orders from one instance: their ages at the query time, and customers without supply. */
    public record OpenPartial(String sliceKey, DurationHistogram ages, long customersWithoutSupply) {
    }

    /** The open orders of one slice at {@code at}. Ages are null when n = 0. */
    public record OpenFigures(String dimension, String value, Instant at, long openOrders,
                              Double ageMedianMinutes, Double ageP90Minutes, Double oldestAgeMinutes,
                              long ageUnder1h, long age1hTo4h, long age4hTo24h, long age1dTo3d, long age3dOrMore,
                              long customersWithoutSupply) {
    }

    /** Which orders behind an aggregate to list. */
    public enum OrderFilter {
        ALL(o -> true),
        OPEN(WorkOrder::open),
        COMPLETED(o -> !o.cancelled() && o.firstAt(RepairEventType.COMPLETED) != null),
        CANCELLED(WorkOrder::cancelled),
        LATE(o -> Boolean.FALSE.equals(OrderSummary.onTime(o))),
        REOPENED(o -> o.firstAt(RepairEventType.REOPENED) != null),
        OUTAGE(WorkOrder::outage);

        private final Predicate<WorkOrder> test;

        OrderFilter(Predicate<WorkOrder> test) {
            this.test = test;
        }

        public String parameterValue() {
            return name().toLowerCase();
        }
    }

    /** One order behind an aggregate. */
    public record OrderSummary(String workOrderId, String status, Instant createdAt, String category,
                               String region, String technician, boolean outage, Instant promisedWindowEnd,
                               Instant arrivedAt, Boolean onTime, Instant completedAt, boolean reopened) {
        static OrderSummary of(WorkOrder o) {
            RepairStep created = o.creation().orElseThrow();
            Map<String, String> dims = o.dimensions();
            return new OrderSummary(o.workOrderId(), o.status(), Instant.ofEpochMilli(created.at()),
                    dims.get("category"), dims.get("region"), dims.get("technician"), o.outage(),
                    instant(created.promisedWindowEnd()), instant(o.firstAt(RepairEventType.ARRIVED)), onTime(o),
                    instant(o.firstAt(RepairEventType.COMPLETED)), o.firstAt(RepairEventType.REOPENED) != null);
        }

        /** Arrived at or before the promised window's end; null without a promise or an arrival. */
        static Boolean onTime(WorkOrder o) {
            Long arrived = o.firstAt(RepairEventType.ARRIVED);
            Long promiseEnd = o.creation().map(RepairStep::promisedWindowEnd).orElse(null);
            return arrived == null || promiseEnd == null ? null : arrived <= promiseEnd;
        }
    }

    /** One step of a lifecycle, as the lifecycle route shows it. */
    public record StepView(Instant at, RepairEventType type, String technicianId, String reason,
                           Instant promisedWindowStart, Instant promisedWindowEnd, Integer customersAffected) {
        static StepView of(RepairStep s) {
            return new StepView(Instant.ofEpochMilli(s.at()), s.type(), s.technicianId(), s.reason(),
                    instant(s.promisedWindowStart()), instant(s.promisedWindowEnd()), s.customersAffected());
        }
    }

    /** An order's lifecycle: its status, slices and every step in event-time order. */
    public record Lifecycle(String workOrderId, String status, boolean outage, Map<String, String> dimensions,
                            List<StepView> steps) {
        static Lifecycle of(WorkOrder o) {
            return new Lifecycle(o.workOrderId(), o.status(), o.outage(), o.dimensions(),
                    o.steps().stream().map(StepView::of).toList());
        }
    }

    private final LocalStores stores;

    public RepairQueries(LocalStores stores) {
        this.stores = stores;
    }

    /** Every slice of {@code dimension} over {@code range}. */
    public List<SlicePartial> slicesOf(String dimension, TimeRange range) {
        Map<String, RepairStats> bySlice = new TreeMap<>();
        String prefix = SliceKeys.prefixOf(dimension);
        for (BucketStores<RepairStats> family : statsFamilies()) {
            BucketQueries.mergedByKeyPrefix(family, prefix, range)
                    .forEach((slice, stats) -> bySlice.merge(slice, stats, RepairStats::merge));
        }
        TimeRange covered = BucketQueries.covered(range, BucketSize.MINUTE);
        forEachInterruption(prefix, (slice, interruption) -> {
            RepairStats part = interruption.within(covered);
            if (!part.none()) {
                bySlice.merge(slice, part, RepairStats::merge);
            }
        });
        return bySlice.entrySet().stream().map(e -> new SlicePartial(e.getKey(), e.getValue())).toList();
    }

    /** One slice over {@code range}. */
    public List<SlicePartial> sliceOf(String sliceKey, TimeRange range) {
        RepairStats stats = RepairStats.EMPTY;
        for (BucketStores<RepairStats> family : statsFamilies()) {
            stats = stats.merge(BucketQueries.merged(family, sliceKey, range, RepairStats.EMPTY));
        }
        TimeRange covered = BucketQueries.covered(range, BucketSize.MINUTE);
        for (Interruption interruption : interruptionsOf(sliceKey)) {
            stats = stats.merge(interruption.within(covered));
        }
        return List.of(new SlicePartial(sliceKey, stats));
    }

    /** The interruptions whose store keys start with {@code prefix}, with their slices. */
    private void forEachInterruption(String prefix, BiConsumer<String, Interruption> action) {
        try (KeyValueIterator<String, Interruption> all = stores.interruptions().prefixScan(prefix,
                new StringSerializer())) {
            all.forEachRemaining(kv -> action.accept(Interruption.sliceOf(kv.key), kv.value));
        }
    }

    private List<Interruption> interruptionsOf(String sliceKey) {
        List<Interruption> interruptions = new ArrayList<>();
        forEachInterruption(Interruption.prefixOf(sliceKey), (slice, interruption) -> interruptions.add(interruption));
        return interruptions;
    }

    /** Each statistics store (order, subject, feedback) as its stores by bucket size. */
    private List<BucketStores<RepairStats>> statsFamilies() {
        return IntStream.range(0, stores.stats(BucketSize.MINUTE).size())
                .<BucketStores<RepairStats>>mapToObj(i -> size -> stores.stats(size).get(i)).toList();
    }

    /**
     * One slice over {@code range} in steps of {@code step}, each the merge of its buckets of {@code size} and the
     * part of each interruption that those buckets cover.
     */
    public List<StepPartial> seriesOf(String sliceKey, TimeRange range, Duration step, BucketSize size) {
        Map<Instant, RepairStats> byStep = new TreeMap<>();
        for (ReadOnlyWindowStore<String, RepairStats> store : stores.stats(size)) {
            BucketQueries.series(store, sliceKey, range, step, RepairStats.EMPTY)
                    .forEach((time, stats) -> byStep.merge(time, stats, RepairStats::merge));
        }
        List<Interruption> interruptions = interruptionsOf(sliceKey);
        byStep.replaceAll((time, stats) -> {
            Instant end = time.plus(step).isBefore(range.to()) ? time.plus(step) : range.to();
            TimeRange covered = BucketQueries.covered(new TimeRange(time, end), size);
            for (Interruption interruption : interruptions) {
                stats = stats.merge(interruption.within(covered));
            }
            return stats;
        });
        return byStep.entrySet().stream().map(e -> new StepPartial(e.getKey(), e.getValue())).toList();
    }

    /** The figures of each step, in time order: {@code from} is the step's time, {@code to} its end. */
    public static List<RepairFigures> seriesFigures(List<StepPartial> partials, String sliceKey, Duration step,
                                                    RepairConfig config) {
        Map<Instant, RepairStats> byStep = new TreeMap<>();
        partials.forEach(p -> byStep.merge(p.time(), p.stats(), RepairStats::merge));
        String dimension = dimensionOf(sliceKey);
        String value = SliceKeys.valueOf(sliceKey);
        return byStep.entrySet().stream().map(e -> RepairFigures.of(dimension, value, e.getKey(),
                e.getKey().plus(step), e.getValue(), config.customerBase(dimension, value))).toList();
    }

    /**
     * The figures of every slice in the partials. By technician, only the {@code technicianTop} with the most orders
     * created are listed (most first); other dimensions list every slice by value.
     */
    public static List<RepairFigures> figures(List<SlicePartial> partials, TimeRange range, RepairConfig config) {
        Map<String, RepairStats> bySlice = new TreeMap<>();
        partials.forEach(p -> bySlice.merge(p.sliceKey(), p.stats(), RepairStats::merge));
        List<RepairFigures> rows = new ArrayList<>();
        bySlice.forEach((key, stats) -> {
            String dimension = dimensionOf(key);
            String value = SliceKeys.valueOf(key);
            rows.add(RepairFigures.of(dimension, value, range.from(), range.to(), stats,
                    config.customerBase(dimension, value)));
        });
        return topTechnicians(rows, RepairFigures::dimension, RepairFigures::ordersCreated, RepairFigures::value,
                config);
    }

    /** Rows by technician: the {@code technicianTop} largest by {@code size}, largest first; other rows as they are. */
    private static <R> List<R> topTechnicians(List<R> rows, Function<R, String> dimension, ToLongFunction<R> size,
                                              Function<R, String> value, RepairConfig config) {
        if (rows.isEmpty() || !dimension.apply(rows.get(0)).equals("technician")) {
            return rows;
        }
        return rows.stream().sorted(Comparator.comparingLong(size).reversed().thenComparing(value))
                .limit(config.technicianTop()).toList();
    }

    private static String dimensionOf(String sliceKey) {
        return sliceKey.substring(0, sliceKey.indexOf('='));
    }

    /** The open orders of each slice of {@code dimension}, aged at {@code at} (orders created after it left out). */
    public List<OpenPartial> openOf(String dimension, Instant at) {
        String prefix = SliceKeys.prefixOf(dimension);
        // ages gathered per slice and counted once: merging order by order would copy a slice's histogram per order
        Map<String, List<Long>> agesBySlice = new TreeMap<>();
        Map<String, Long> customersBySlice = new HashMap<>();
        try (KeyValueIterator<String, OpenOrder> all = stores.open().all()) {
            all.forEachRemaining(kv -> {
                long age = at.toEpochMilli() - kv.value.createdAt();
                if (age < 0) {
                    return;
                }
                for (String k : kv.value.sliceKeys()) {
                    if (k.startsWith(prefix)) {
                        agesBySlice.computeIfAbsent(k, x -> new ArrayList<>()).add(age);
                        customersBySlice.merge(k, (long) kv.value.customersAffected(), Long::sum);
                    }
                }
            });
        }
        return agesBySlice.entrySet().stream().map(e -> new OpenPartial(e.getKey(),
                DurationHistogram.ofAll(e.getValue()), customersBySlice.get(e.getKey()))).toList();
    }

    /** The open-order figures of every slice in the partials; by technician capped like {@link #figures}. */
    public static List<OpenFigures> openFigures(List<OpenPartial> partials, Instant at, RepairConfig config) {
        Map<String, OpenPartial> bySlice = new TreeMap<>();
        partials.forEach(p -> bySlice.merge(p.sliceKey(), p, RepairQueries::mergeOpen));
        List<OpenFigures> rows = bySlice.values().stream().map(p -> {
            DurationHistogram ages = p.ages();
            long hour = Duration.ofHours(1).toSeconds();
            long day = Duration.ofDays(1).toSeconds();
            return new OpenFigures(dimensionOf(p.sliceKey()), SliceKeys.valueOf(p.sliceKey()), at, ages.count(),
                    minutes(ages.quantileSeconds(0.5)), minutes(ages.quantileSeconds(0.9)),
                    minutes(ages.quantileSeconds(1.0)),
                    ages.countBetween(0, hour), ages.countBetween(hour, 4 * hour),
                    ages.countBetween(4 * hour, day), ages.countBetween(day, 3 * day),
                    ages.countBetween(3 * day, Long.MAX_VALUE), p.customersWithoutSupply());
        }).toList();
        return topTechnicians(rows, OpenFigures::dimension, OpenFigures::openOrders, OpenFigures::value, config);
    }

    private static OpenPartial mergeOpen(OpenPartial a, OpenPartial b) {
        return new OpenPartial(a.sliceKey(), a.ages().merge(b.ages()),
                a.customersWithoutSupply() + b.customersWithoutSupply());
    }

    /** The lifecycle of one order, if this instance holds it (empty or one element). */
    public List<Lifecycle> lifecycleOf(String workOrderId) {
        WorkOrder order = stores.orders().get(workOrderId);
        return order == null ? List.of() : List.of(Lifecycle.of(order));
    }

    /** The orders of one slice created in {@code range} that pass {@code filter}. */
    public List<OrderSummary> ordersOf(String sliceKey, TimeRange range, OrderFilter filter) {
        List<OrderSummary> rows = new ArrayList<>();
        try (KeyValueIterator<String, WorkOrder> all = stores.orders().all()) {
            all.forEachRemaining(kv -> {
                WorkOrder o = kv.value;
                if (o.creation().isPresent() && range.contains(o.creation().get().at())
                        && o.sliceKeys().contains(sliceKey) && filter.test.test(o)) {
                    rows.add(OrderSummary.of(o));
                }
            });
        }
        return rows;
    }

    /** Newest first (by creation, then id), {@code limit} from {@code offset}. */
    public static List<OrderSummary> page(List<OrderSummary> orders, int offset, int limit) {
        return orders.stream()
                .sorted(Comparator.comparing(OrderSummary::createdAt).reversed()
                        .thenComparing(OrderSummary::workOrderId))
                .skip(offset).limit(limit).toList();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Double minutes(Long seconds) {
        return seconds == null ? null : seconds / 60.0;
    }
}
