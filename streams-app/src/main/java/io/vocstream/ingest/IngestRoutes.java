package io.vocstream.ingest;

import io.javalin.config.RoutesConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.query.InstanceRouter;
import io.vocstream.schemas.EventTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@code GET /api/v1/ingest/topics}: events delivered per input topic and the latest event time, cluster-wide. */
public final class IngestRoutes implements ApiRoutes {
    public static final String PATH = "/api/v1/ingest/topics";

    private final InstanceRouter router;

    public IngestRoutes(InstanceRouter router) {
        this.router = router;
    }

    /** One input topic's activity: events counted and the latest event time ({@code null} before the first). */
    public record TopicRow(String topic, long events, Instant lastEventTime) {
        static TopicRow of(String topic, TopicActivity a) {
            return new TopicRow(topic, a.events(),
                    a.lastEventTimeMillis() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(a.lastEventTimeMillis()));
        }

        TopicActivity activity() {
            return new TopicActivity(events, lastEventTime == null ? Long.MIN_VALUE : lastEventTime.toEpochMilli());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(merge(router.gather(ctx, IngestTopology.COUNTS_STORE, TopicRow.class,
                this::localRows))));
    }

    private List<TopicRow> localRows() {
        ReadOnlyKeyValueStore<String, TopicActivity> store =
                router.localStore(IngestTopology.COUNTS_STORE, QueryableStoreTypes.keyValueStore());
        List<TopicRow> rows = new ArrayList<>();
        try (KeyValueIterator<String, TopicActivity> all = store.all()) {
            all.forEachRemaining((KeyValue<String, TopicActivity> kv) -> rows.add(TopicRow.of(kv.key, kv.value)));
        }
        return rows;
    }

    /** Sums the partial rows of every partition and instance; every input topic appears, in contract order. */
    static List<TopicRow> merge(List<TopicRow> partials) {
        Map<String, TopicActivity> byTopic = new LinkedHashMap<>();
        for (EventTopic t : EventTopic.values()) {
            byTopic.put(t.baseName(), TopicActivity.NONE);
        }
        partials.forEach(r -> byTopic.merge(r.topic(), r.activity(), TopicActivity::merge));
        return byTopic.entrySet().stream().map(e -> TopicRow.of(e.getKey(), e.getValue())).toList();
    }
}
