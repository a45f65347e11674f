package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketFamily;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.SliceKeys;
import io.vocstream.config.AppConfig;
import io.vocstream.http.ApiRoutes;
import io.vocstream.http.BadParameterException;
import io.vocstream.http.Params;
import io.vocstream.query.InstanceRouter;
import io.vocstream.time.BucketSize;
import io.vocstream.time.TimeRange;
import io.vocstream.time.WindowName;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code /api/v1/queues} (every queue, one queue, one queue's aligned intervals), {@code /api/v1/agents} (ranked)
 * and {@code /api/v1/ivr} (per IVR line; one session), answered from the partials of every instance. Answers combine
 * state of the contact, agent, customer and survey tasks, which Kafka Streams may place on different instances, so
 * each kind is gathered from the instances that host it and a fan-out leg answers with every kind, labelled.
 */
public final class ContactCenterRoutes implements ApiRoutes {
    public static final String QUEUES = "/api/v1/queues";
    public static final String QUEUE = QUEUES + "/{queue}";
    public static final String INTERVALS = QUEUE + "/intervals";
    public static final String AGENTS = "/api/v1/agents";
    public static final String IVR = "/api/v1/ivr";
    public static final String IVR_SESSION = IVR + "/sessions/{sessionId}";
    private static final String DEFAULT_WINDOW = WindowName.ROLLING_15M.parameterValue();

    private final InstanceRouter router;
    private final ContactCenterConfig config;
    private final Duration eventsGrace;

    public ContactCenterRoutes(InstanceRouter router, AppConfig app) {
        this.router = router;
        this.config = ContactCenterConfig.from(app);
        this.eventsGrace = app.eventsGrace();
    }

    @Override
    public String openApiFragment() {
        return "/openapi/contactcenter.json";
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(QUEUES, ctx -> queues(ctx, null));
        routes.get(QUEUE, ctx -> queues(ctx, ctx.pathParam("queue")));
        routes.get(INTERVALS, this::intervals);
        routes.get(AGENTS, this::agents);
        routes.get(IVR, this::ivr);
        routes.get(IVR_SESSION, this::ivrSession);
    }

    /**
     * A window at a query time: its span, the event time whose rule version judges it and the buckets it is
     * answered from.
     */
    private record View(String window, Instant at, TimeRange range, Instant ruleTime, BucketSize size) {
        /** The store of {@code family} at this view's bucket size. */
        String store(String family) {
            return BucketFamily.storeName(family, size);
        }
    }

    /** The window asked for, in {@code zone} (which matters for the calendar windows only). */
    private View view(Context ctx, String defaultWindow, ZoneId zone) {
        Instant at = Params.instant(ctx, "at", Instant.now());
        String named = Params.optional(ctx, "window");
        WindowName window = WindowName.parse("window", named == null ? defaultWindow : named);
        TimeRange range = window.resolve(at, zone);
        Duration kept = config.retention(window.bucketSize(), eventsGrace);
        if (range.from().isBefore(at.minus(kept))) {
            throw new BadParameterException("window", "reaches back further than the " + kept
                    + " of statistics kept in " + window.bucketSize().length().toMinutes() + "-minute buckets");
        }
        boolean calendar = window == WindowName.TODAY || window == WindowName.INTERVAL_15M
                || window == WindowName.INTERVAL_30M;
        return new View(window.parameterValue(), at, range, calendar ? range.from() : at, window.bucketSize());
    }

    /**
     * Every queue (or one), each over its own window: a calendar window spans different instants in different
     * queue time zones, so the buckets are read once per distinct span and each queue keeps the read of its zone.
     */
    private void queues(Context ctx, String queue) {
        Set<ZoneId> zones = new HashSet<>(queue != null ? Set.of(config.zoneOf(queue)) : config.queueZones().values());
        if (queue == null) {
            zones.add(config.zone());
        }
        Map<ZoneId, View> views = new HashMap<>();
        zones.forEach(zone -> views.put(zone, view(ctx, DEFAULT_WINDOW, zone)));
        Map<TimeRange, Set<ZoneId>> zonesBySpan = new HashMap<>();
        views.forEach((zone, v) -> zonesBySpan.computeIfAbsent(v.range(), r -> new HashSet<>()).add(zone));
        View any = views.values().iterator().next();
        String by = Params.oneOf(ctx, "by", null, Dimensions.NAMES);
        String queueBuckets = any.store(ContactCenterTopology.QUEUE_BUCKETS_STORE);
        String repeatBuckets = any.store(ContactCenterTopology.REPEAT_BUCKETS_STORE);
        Function<Function<TimeRange, List<QueuePartial>>, List<QueuePartial>> perSpan = read -> {
            List<QueuePartial> partials = new ArrayList<>();
            zonesBySpan.forEach((range, spanZones) -> read.apply(range).stream()
                    .filter(p -> spanZones.contains(config.zoneOf(p.queue()))).forEach(partials::add));
            return partials;
        };
        answerFromAll(ctx, QueuePartial.class, QueuePartial::source, List.of(
                new Kind<>(queueBuckets, QueuePartial.CONTACTS, () -> perSpan.apply(range ->
                        QueueQueries.contactPartials(windowStore(queueBuckets), router.localStore(
                                ContactCenterTopology.WAITING_STORE, QueryableStoreTypes.keyValueStore()),
                                queue, by, range))),
                new Kind<>(ContactCenterTopology.AGENTS_STORE, QueuePartial.AGENTS,
                        () -> QueueQueries.agentPartials(router.localStore(ContactCenterTopology.AGENTS_STORE,
                                QueryableStoreTypes.keyValueStore()), queue)),
                new Kind<>(repeatBuckets, QueuePartial.CUSTOMERS, () -> perSpan.apply(range ->
                        QueueQueries.customerPartials(windowStore(repeatBuckets), queue, by, range)))),
                partials -> QueueQueries.rows(known(queue, partials), config.rules(), any.window(), q -> {
                    View v = views.get(config.zoneOf(q));
                    return new QueueQueries.Span(v.range(), v.ruleTime());
                }, any.at()));
    }

    /**
     * The partials of every queue, or of one queue with an empty one added so that a quiet queue still answers its
     * row (zero counts, null figures); a 404 if nothing names that queue: no contact in the window, no agent
     * serving it now and no service-level rule of its own.
     */
    private List<QueuePartial> known(String queue, List<QueuePartial> partials) {
        if (queue == null) {
            return partials;
        }
        if (partials.isEmpty() && !config.rules().declared().containsKey(queue)) {
            throw new NotFoundResponse("no queue '" + queue + "': no contact in the window, no agent serving it "
                    + "and no rule " + ContactCenterConfig.SERVICE_LEVEL + queue);
        }
        List<QueuePartial> withRow = new ArrayList<>(partials);
        withRow.add(new QueuePartial(QueuePartial.CONTACTS, queue, SliceKeys.all(), QueueStats.EMPTY, null, null));
        return withRow;
    }

    private void intervals(Context ctx) {
        String queue = ctx.pathParam("queue");
        View day = view(ctx, WindowName.TODAY.parameterValue(), config.zoneOf(queue));
        if (!day.window().equals(WindowName.TODAY.parameterValue())) {
            throw new BadParameterException("window", "must be 'today' (the day holding 'at') for intervals");
        }
        Duration step = Duration.ofMinutes(Integer.parseInt(Params.oneOf(ctx, "size", "15", List.of("15", "30"))));
        answerFromAll(ctx, QueueQueries.IntervalPartial.class, QueueQueries.IntervalPartial::source, List.of(
                new Kind<>(day.store(ContactCenterTopology.QUEUE_BUCKETS_STORE), QueuePartial.CONTACTS,
                        () -> QueueQueries.intervalPartials(
                                windowStore(day.store(ContactCenterTopology.QUEUE_BUCKETS_STORE)),
                                queue, day.range(), step)),
                new Kind<>(day.store(ContactCenterTopology.REPEAT_BUCKETS_STORE), QueuePartial.CUSTOMERS,
                        () -> QueueQueries.intervalRepeatPartials(
                                windowStore(day.store(ContactCenterTopology.REPEAT_BUCKETS_STORE)), queue, day.range(),
                                step))),
                partials -> QueueQueries.intervalRows(partials, config.rules(), queue, step,
                        "interval" + step.toMinutes()));
    }

    private void ivr(Context ctx) {
        View v = view(ctx, DEFAULT_WINDOW, config.zone());
        String by = Params.oneOf(ctx, "by", null, Dimensions.NAMES);
        router.answer(ctx, v.store(ContactCenterTopology.IVR_BUCKETS_STORE), IvrQueries.IvrPartial.class,
                () -> IvrQueries.partials(windowStore(v.store(ContactCenterTopology.IVR_BUCKETS_STORE)), by, v.range()),
                partials -> IvrQueries.rows(partials, v.window(), v.range()));
    }

    /** One IVR session, with the contact it became; found on whichever instance holds it. */
    private void ivrSession(Context ctx) {
        String id = ctx.pathParam("sessionId");
        router.answer(ctx, ContactCenterTopology.IVR_SESSIONS_STORE, IvrSession.class,
                () -> IvrQueries.session(router.localStore(ContactCenterTopology.IVR_SESSIONS_STORE,
                        QueryableStoreTypes.keyValueStore()), id),
                found -> found.stream().findFirst().orElseThrow(
                        () -> new NotFoundResponse("no IVR session '" + id + "' within contactcenter.contact-expiry")));
    }

    private <S> ReadOnlyWindowStore<String, S> windowStore(String name) {
        return router.localStore(name, QueryableStoreTypes.windowStore());
    }

    private void agents(Context ctx) {
        View v = view(ctx, WindowName.TODAY.parameterValue(), config.zone());
        String sort = Params.oneOf(ctx, "sort", "handled", AgentRanking.SORTS);
        int limit = Params.intIn(ctx, "limit", config.topAgents(), 1, config.topAgents());
        Supplier<List<AgentRanking.AgentPartial>> work = () -> {
            ReadOnlyWindowStore<String, AgentStats> store =
                    windowStore(v.store(ContactCenterTopology.AGENT_BUCKETS_STORE));
            List<AgentRanking.AgentPartial> rows = new ArrayList<>();
            BucketQueries.mergedByKeyPrefix(store, "", v.range()).forEach((agent, stats) ->
                    rows.add(new AgentRanking.AgentPartial(QueuePartial.CONTACTS, agent, stats, null, null)));
            return rows;
        };
        Supplier<List<AgentRanking.AgentPartial>> states = () -> {
            ReadOnlyKeyValueStore<String, AgentNow> store =
                    router.localStore(ContactCenterTopology.AGENTS_STORE, QueryableStoreTypes.keyValueStore());
            List<AgentRanking.AgentPartial> rows = new ArrayList<>();
            try (KeyValueIterator<String, AgentNow> all = store.all()) {
                all.forEachRemaining(kv -> rows.add(new AgentRanking.AgentPartial(QueuePartial.AGENTS, kv.key, null,
                        kv.value, null)));
            }
            return rows;
        };
        Supplier<List<AgentRanking.AgentPartial>> satisfaction = () -> {
            List<AgentRanking.AgentPartial> rows = new ArrayList<>();
            ReadOnlyWindowStore<String, CsatCounts> store =
                    windowStore(v.store(ContactCenterTopology.AGENT_CSAT_STORE));
            BucketQueries.mergedByKeyPrefix(store, "", v.range()).forEach((agent, csat) ->
                    rows.add(new AgentRanking.AgentPartial(AgentRanking.SURVEYS, agent, null, null, csat)));
            return rows;
        };
        answerFromAll(ctx, AgentRanking.AgentPartial.class, AgentRanking.AgentPartial::source, List.of(
                new Kind<>(v.store(ContactCenterTopology.AGENT_BUCKETS_STORE), QueuePartial.CONTACTS, work),
                new Kind<>(ContactCenterTopology.AGENTS_STORE, QueuePartial.AGENTS, states),
                new Kind<>(v.store(ContactCenterTopology.AGENT_CSAT_STORE), AgentRanking.SURVEYS, satisfaction)),
                partials -> AgentRanking.rank(partials, sort, limit));
    }

    /** Partials of one kind: read from {@code store} on every instance hosting it, labelled {@code source}. */
    private record Kind<P>(String store, String source, Supplier<List<P>> local) {
    }

    /**
     * Answers from partials of several kinds, each gathered from the instances hosting its store (Kafka Streams
     * may place the tasks of different sources on different instances): a fan-out leg answers with every kind of
     * this instance; otherwise each kind is kept only from its own gathering, so that an instance hosting several
     * stores counts once, and {@code finish} turns all partials into the answer.
     */
    private <P> void answerFromAll(Context ctx, Class<P> type, Function<P, String> sourceOf, List<Kind<P>> kinds,
                                   Function<List<P>, ?> finish) {
        List<P> all = new ArrayList<>();
        if (InstanceRouter.SCOPE_LOCAL.equals(ctx.queryParam(InstanceRouter.SCOPE))) {
            kinds.forEach(k -> all.addAll(k.local().get()));
            ctx.json(all);
            return;
        }
        for (Kind<P> k : kinds) {
            router.gather(ctx, k.store(), type, k.local()).stream()
                    .filter(p -> sourceOf.apply(p).equals(k.source())).forEach(all::add);
        }
        ctx.json(finish.apply(all));
    }
}
