package io.vocstream.complaints;

import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The complaint queries in two halves: what one instance answers from its local stores (partials), and how the
 * partials of every instance become the answer. The routes put the halves on either side of the fan-out.
 */
public final class ComplaintQueries {
    /** Upper edges of the backlog age bands; the last band is open-ended. */
    static final List<Duration> AGE_BANDS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(28), Duration.ofDays(56));
    /** The store of open complaints that {@link #backlogPartials} reads. */
    public static final String BACKLOG_STORE = ComplaintLifecycles.OPEN_STORE;
    /** Every rule that raises complaint alerts. */
    public static final List<String> ALERT_RULES =
            List.of(SpikeSettings.POISSON_RULE, SpikeSettings.CUSUM_RULE, CommonIssueAlerting.RULE);
    private static final List<String> KINDS = List.of(ComplaintLifecycles.KPI_KIND, RepeatComplainants.REPEAT_KIND,
            HandledContacts.CONTACTS_KIND);

    private ComplaintQueries() {
    }

    /** The window stores of this instance, by name. */
    @FunctionalInterface
    public interface WindowStores extends Function<String, ReadOnlyWindowStore<String, ComplaintStats>> {
    }

    /** Every store a KPI answer reads, so a router can ask the instances that host them. */
    static List<String> kpiStoreNames(WindowName window) {
        return KINDS.stream().map(kind -> CohortBuckets.storeName(kind, window.bucketSize())).toList();
    }

    /** This instance's statistics of every slice of {@code dimension} over {@code range}, from every kind of store. */
    public static List<SlicePartial> slicePartials(WindowStores stores, String dimension, TimeRange range) {
        List<SlicePartial> partials = new ArrayList<>();
        for (String kind : KINDS) {
            BucketQueries.mergedByKeyPrefix(size -> stores.apply(CohortBuckets.storeName(kind, size)),
                    SliceKeys.prefixOf(dimension), range)
                    .forEach((slice, stats) -> partials.add(new SlicePartial(slice, stats)));
        }
        return partials;
    }

    /** One row per slice from every instance's partials, by slice value. */
    public static List<ComplaintKpiRow> kpiRows(String dimension, WindowName window, TimeRange range,
                                                List<SlicePartial> partials, ComplaintSettings settings) {
        Map<String, ComplaintStats> bySlice = new TreeMap<>();
        partials.forEach(p -> bySlice.merge(p.slice(), p.stats(), ComplaintStats::merge));
        return bySlice.entrySet().stream()
                .map(e -> kpiRow(dimension, window, range, e.getKey(), e.getValue(), settings)).toList();
    }

    private static ComplaintKpiRow kpiRow(String dimension, WindowName window, TimeRange range, String slice,
                                          ComplaintStats s, ComplaintSettings settings) {
        Long customers = settings.customersOf(slice).orElse(null);
        Map<String, Double> reasonShares = new TreeMap<>();
        s.reasonClasses().forEach((reason, n) -> reasonShares.put(reason, ratio(n, s.classified())));
        return new ComplaintKpiRow(dimension, SliceKeys.valueOf(slice), window.parameterValue(), range.from(),
                range.to(), s.opened(),
                s.answeredContacts(), per(s.opened(), s.answeredContacts(), 1_000),
                customers, customers == null ? null : per(s.opened(), customers, 10_000),
                s.firstResponded(), s.firstResponseSeconds().quantile(0.5), s.firstResponseSeconds().quantile(0.9),
                ratio(s.onTimeFirstResponse(), s.firstResponded()),
                s.resolved(), s.resolveSeconds().quantile(0.5), s.resolveSeconds().quantile(0.9),
                ratio(s.resolvedWithin24h(), s.resolved()), ratio(s.resolvedWithin8Weeks(), s.resolved()),
                ratio(s.ended(), s.opened()), ratio(s.reopened(), s.resolved()), ratio(s.appealed(), s.opened()),
                s.classified(), ratio(s.substantiated(), s.classified()), reasonShares,
                s.withCustomer(), ratio(s.repeatComplaints(), s.withCustomer()));
    }

    private static Double ratio(long part, long n) {
        return n <= 0 ? null : (double) part / n;
    }

    private static Double per(long count, long base, int scale) {
        return base <= 0 ? null : (double) count * scale / base;
    }

    /** This instance's open complaints of every slice of {@code dimension}, with ages at {@code at}. */
    public static List<BacklogPartial> backlogPartials(ReadOnlyKeyValueStore<String, OpenComplaint> open,
                                                       String dimension, Instant at) {
        String prefix = SliceKeys.prefixOf(dimension);
        long now = at.toEpochMilli();
        Map<String, long[]> bands = new TreeMap<>();
        Map<String, Long> overdue = new TreeMap<>();
        Map<String, Long> oldest = new TreeMap<>();
        try (KeyValueIterator<String, OpenComplaint> all = open.all()) {
            all.forEachRemaining((KeyValue<String, OpenComplaint> kv) -> {
                OpenComplaint c = kv.value;
                String slice = c.sliceKeys().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
                bands.computeIfAbsent(slice, k -> new long[AGE_BANDS.size() + 1])[bandOf(now - c.openedAt())]++;
                overdue.merge(slice, c.firstResponseDue() != null && c.firstResponseDue() < now ? 1L : 0L, Long::sum);
                oldest.merge(slice, c.openedAt(), Math::min);
            });
        }
        return bands.entrySet().stream().map(e -> new BacklogPartial(e.getKey(),
                Arrays.stream(e.getValue()).boxed().toList(), overdue.get(e.getKey()), oldest.get(e.getKey())))
                .toList();
    }

    private static int bandOf(long ageMillis) {
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            if (ageMillis < AGE_BANDS.get(i).toMillis()) {
                return i;
            }
        }
        return AGE_BANDS.size();
    }

    public static List<BacklogRow> backlogRows(String dimension, Instant at, List<BacklogPartial> partials) {
        Map<String, List<BacklogPartial>> bySlice = new TreeMap<>();
        partials.forEach(p -> bySlice.computeIfAbsent(p.slice(), k -> new ArrayList<>()).add(p));
        return bySlice.entrySet().stream().map(e -> {
            long[] bands = new long[AGE_BANDS.size() + 1];
            long overdue = 0;
            long oldest = Long.MAX_VALUE;
            for (BacklogPartial p : e.getValue()) {
                for (int i = 0; i < bands.length; i++) {
                    bands[i] += p.ageBands().get(i);
                }
                overdue += p.overdueFirstResponse();
                oldest = Math.min(oldest, p.oldestOpenedAt());
            }
            long open = Arrays.stream(bands).sum();
            return new BacklogRow(dimension, SliceKeys.valueOf(e.getKey()), at, open, bands[0], bands[1], bands[2],
                    bands[3], bands[4], bands[5], bands[6], overdue,
                    open == 0 ? null : Math.max(0, at.toEpochMilli() - oldest) / 1000.0);
        }).toList();
    }

    /**
     * This instance's complaints of {@code slice} opened in {@code range}, newest first, at most {@code limit}
     * (the coordinator needs no more of any one instance than the pages up to the one asked for) and how many
     * there are in all.
     */
    static ComplaintIdPage localIds(ReadOnlyKeyValueStore<String, ComplaintCase> cases, String slice,
                                    TimeRange range, int limit) {
        List<ComplaintIdRow> rows = new ArrayList<>();
        try (KeyValueIterator<String, ComplaintCase> all = cases.all()) {
            all.forEachRemaining((KeyValue<String, ComplaintCase> kv) -> {
                ComplaintCase c = kv.value;
                Long opened = c.openedAt();
                if (opened != null && range.contains(opened) && c.sliceKeys().contains(slice)) {
                    rows.add(new ComplaintIdRow(c.complaintId(), Instant.ofEpochMilli(opened), c.state().name()));
                }
            });
        }
        List<ComplaintIdRow> newest = newestFirst(rows).stream().limit(limit).toList();
        return new ComplaintIdPage(rows.size(), 0, limit, newest);
    }

    /** Page {@code page} (from 1) of the merged instances' ids, newest opening first (ties by id). */
    static ComplaintIdPage idPage(List<ComplaintIdPage> partials, int page, int size) {
        List<ComplaintIdRow> all = newestFirst(partials.stream().flatMap(p -> p.ids().stream()).toList());
        long total = partials.stream().mapToLong(ComplaintIdPage::total).sum();
        return new ComplaintIdPage(total, page, size, all.stream().skip((long) (page - 1) * size).limit(size).toList());
    }

    private static List<ComplaintIdRow> newestFirst(List<ComplaintIdRow> rows) {
        return rows.stream().sorted(Comparator.comparing(ComplaintIdRow::openedAt).reversed()
                .thenComparing(ComplaintIdRow::complaintId)).toList();
    }
}
