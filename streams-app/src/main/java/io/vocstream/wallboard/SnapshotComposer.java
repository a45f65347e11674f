package io.vocstream.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vocstream.time.WindowName;
import io.vocstream.wallboard.WallboardSnapshot.AlertLine;
import io.vocstream.wallboard.WallboardSnapshot.CategoryCount;
import io.vocstream.wallboard.WallboardSnapshot.Complaints;
import io.vocstream.wallboard.WallboardSnapshot.IndexPoint;
import io.vocstream.wallboard.WallboardSnapshot.JourneyPoint;
import io.vocstream.wallboard.WallboardSnapshot.Options;
import io.vocstream.wallboard.WallboardSnapshot.QueueTile;
import io.vocstream.wallboard.WallboardSnapshot.Satisfaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Composes a board from the {@code /api/v1} answers, taking each figure as the API gives it: the board shows nothing
 * the API does not say. Only the selection (filter, top categories), the order of the alerts and the service-level
 * status against its target are the board's own.
 */
final class SnapshotComposer {
    static final String INGEST = "/api/v1/ingest/topics";
    static final String QUEUES = "/api/v1/queues?window=" + WindowName.ROLLING_15M.parameterValue();
    static final String ALERTS = "/api/v1/alerts";
    private static final String TODAY = "window=" + WindowName.TODAY.parameterValue();
    static final String JOURNEY = "/api/v1/satisfaction/journey?" + TODAY;
    static final String SATISFACTION_REGIONS = "/api/v1/satisfaction/slices?" + TODAY + "&dimension=region";
    private static final String COMPLAINTS = "/api/v1/complaints?" + TODAY + "&dimension=";
    private static final String SATISFACTION_SLICE = "/api/v1/satisfaction/slice?" + TODAY;
    private static final String SATISFACTION_SERIES = "/api/v1/satisfaction/series?step=1h&from=";
    private static final String CATEGORY = "category";
    private static final String UNKNOWN = "unknown";
    private static final Comparator<AlertLine> CRITICAL_THEN_NEWEST = Comparator
            .comparing((AlertLine a) -> !"CRITICAL".equals(a.severity()))
            .thenComparing(AlertLine::updateTime, Comparator.reverseOrder());

    private SnapshotComposer() {
    }

    /** The cluster-wide count of input events read and the newest event time, from the answer of {@link #INGEST}. */
    static Freshness freshness(DataFlow flow, JsonNode topics, Instant now) {
        long events = 0;
        Instant newest = null;
        for (JsonNode topic : topics) {
            events += topic.path("events").asLong();
            Instant last = instant(topic.path("lastEventTime"));
            if (last != null && (newest == null || last.isAfter(newest))) {
                newest = last;
            }
        }
        return flow.observe(events, newest, now);
    }

    /** Every answer the boards of {@code filters} are composed from at {@code at}. */
    static Set<String> paths(Collection<WallboardFilter> filters, Instant at, ZoneId zone) {
        Set<String> paths = new LinkedHashSet<>(List.of(QUEUES, ALERTS, JOURNEY, SATISFACTION_REGIONS,
                complaints(WallboardFilter.REGION), complaints(CATEGORY)));
        Instant startOfToday = startOfToday(at, zone);
        for (WallboardFilter filter : filters) {
            paths.add(complaints(filter.dimension()));
            paths.add(satisfactionToday(filter));
            paths.add(satisfactionHours(filter, startOfToday));
        }
        return paths;
    }

    /**
     * The board of {@code filter} from {@code answers} (read as {@link #paths} says).
     *
     * @param zone the application's zone, whose midnight starts "today"
     */
    static WallboardSnapshot compose(WallboardFilter filter, ApiSource.Answers answers, Freshness freshness,
                                     ZoneId zone) {
        JsonNode queueRows = answers.get(QUEUES);
        JsonNode hours = answers.get(satisfactionHours(filter, startOfToday(answers.at(), zone)));
        return new WallboardSnapshot(filter, freshness, queues(filter, queueRows),
                satisfaction(answers.get(satisfactionToday(filter)), hours),
                complaints(filter, answers.get(complaints(filter.dimension()))),
                alerts(filter, answers.get(ALERTS)), journey(answers.get(JOURNEY)),
                topCategories(answers.get(complaints(CATEGORY))),
                options(queueRows, answers.get(SATISFACTION_REGIONS), answers.get(complaints(WallboardFilter.REGION))));
    }

    private static Instant startOfToday(Instant at, ZoneId zone) {
        return WindowName.TODAY.resolve(at, zone).from();
    }

    private static String complaints(String dimension) {
        return COMPLAINTS + dimension;
    }

    private static String slice(WallboardFilter filter) {
        return filter.isEverything() ? ""
                : "&dimension=" + filter.dimension() + "&value=" + ApiSource.encode(filter.value());
    }

    private static String satisfactionToday(WallboardFilter filter) {
        return SATISFACTION_SLICE + slice(filter);
    }

    private static String satisfactionHours(WallboardFilter filter, Instant startOfToday) {
        return SATISFACTION_SERIES + startOfToday + slice(filter);
    }

    private static List<QueueTile> queues(WallboardFilter filter, JsonNode rows) {
        return stream(rows)
                .filter(r -> !filter.dimension().equals(WallboardFilter.QUEUE)
                        || r.path("queue").asText().equals(filter.value()))
                .map(r -> {
                    Double serviceLevel = number(r.path("serviceLevel"));
                    Double target = number(r.path("serviceLevelTarget"));
                    Double longestWait = number(r.path("longestWaitSeconds"));
                    return new QueueTile(r.path("queue").asText(), r.path("waiting").asLong(),
                            longestWait == null ? null : Math.round(longestWait), serviceLevel,
                            r.path("serviceLevelN").asLong(), r.path("serviceLevelThresholdSeconds").asInt(), target,
                            QueueTile.status(serviceLevel, target));
                })
                .toList();
    }

    private static Satisfaction satisfaction(JsonNode today, JsonNode hours) {
        return new Satisfaction(number(today.path("index")), today.path("indexN").asLong(),
                number(today.path("indexLow")), number(today.path("indexHigh")), stream(hours)
                .map(r -> new IndexPoint(instant(r.path("time")), number(r.path("index")), r.path("indexN").asLong()))
                .toList());
    }

    private static Complaints complaints(WallboardFilter filter, JsonNode rows) {
        return stream(rows).filter(r -> r.path("value").asText().equals(filter.value())).findFirst()
                .map(r -> new Complaints(r.path("opened").asLong(), r.path("answeredContacts").asLong(),
                        number(r.path("complaintsPer1000Contacts"))))
                .orElse(new Complaints(0, 0, null));
    }

    /** Open alerts; with a region filter, those naming another region are left out. */
    private static List<AlertLine> alerts(WallboardFilter filter, JsonNode rows) {
        return stream(rows)
                .filter(a -> !filter.dimension().equals(WallboardFilter.REGION)
                        || namesRegion(a.path("dimension").asText(), filter.value()))
                .map(a -> new AlertLine(a.path("id").asText(), a.path("severity").asText(),
                        a.path("status").asText(), a.path("rule").asText(), a.path("dimension").asText(),
                        a.path("observed").asLong(), a.path("expected").asDouble(), instant(a.path("startTime")),
                        instant(a.path("updateTime"))))
                .sorted(CRITICAL_THEN_NEWEST)
                .toList();
    }

    /** Whether an alert's slice ({@code all}, {@code category=c,region=r,...}) concerns the region: names it or no other. */
    static boolean namesRegion(String alertDimension, String region) {
        String prefix = WallboardFilter.REGION + "=";
        return List.of(alertDimension.split(",")).stream().filter(part -> part.startsWith(prefix))
                .allMatch(part -> part.substring(prefix.length()).equals(region));
    }

    private static List<JourneyPoint> journey(JsonNode stages) {
        return stream(stages).map(s -> new JourneyPoint(s.path("touchpoint").asText(), number(s.path("index")),
                s.path("indexN").asLong(), number(s.path("changeFromPrevious")), s.path("dive").asBoolean())).toList();
    }

    private static List<CategoryCount> topCategories(JsonNode rows) {
        return stream(rows).filter(r -> r.path("opened").asLong() > 0)
                .map(r -> new CategoryCount(r.path("value").asText(), r.path("opened").asLong()))
                .sorted(Comparator.comparingLong(CategoryCount::opened).reversed()
                        .thenComparing(CategoryCount::category))
                .limit(WallboardSnapshot.TOP_CATEGORIES)
                .toList();
    }

    private static Options options(JsonNode queueRows, JsonNode satisfactionRegions, JsonNode complaintRegions) {
        TreeSet<String> regions = new TreeSet<>();
        stream(satisfactionRegions).forEach(r -> regions.add(r.path("value").asText()));
        stream(complaintRegions).forEach(r -> regions.add(r.path("value").asText()));
        regions.remove(UNKNOWN);
        return new Options(List.copyOf(regions), stream(queueRows).map(r -> r.path("queue").asText()).toList());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
