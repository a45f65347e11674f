package io.vocstream.contactcenter;

import io.vocstream.buckets.BucketFamily;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.vocstream.buckets.BucketQueries;
import io.vocstream.buckets.BucketStores;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code /api/v1/queues} (every queue, one queue, one queue's aligned intervals), {@code /api/v1/agents} (ranked;
 * one agent) and {@code /api/v1/ivr} (per IVR line; one session), answered from the partials of every instance.
 * Answers combine state of the contact, agent, customer and survey tasks, which Kafka Streams may place on
 * different instances, so every instance hosting any of them is asked once and answers with every kind it holds,
 * labelled.
 */
public final class ContactCenterRoutes implements ApiRoutes {
    public static final String QUEUES = "/api/v1/queues";
    public static final String QUEUE = QUEUES + "/{queue}";
    public static final String INTERVALS = QUEUE + "/intervals";
    public static final String AGENTS = "/api/v1/agents";
    public static final String AGENT = AGENTS + "/{agentId}";
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
        routes.get(AGENTS, ctx -> agents(ctx, null));
        routes.get(AGENT, ctx -> agents(ctx, ctx.pathParam("agentId")));
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

    /** The window asked for in every zone in use, for names (queues, IVR lines) that each follow one zone. */
    private final class Zoned {
        private final Map<ZoneId, View> views = new HashMap<>();
        private final Function<String, ZoneId> zoneOf;

        Zoned(Context ctx, Collection<ZoneId> zones, Function<String, ZoneId> zoneOf) {
            this.zoneOf = zoneOf;
            zones.forEach(zone -> views.put(zone, view(ctx, DEFAULT_WINDOW, zone)));
        }

        View of(String name) {
            return views.get(zoneOf.apply(name));
        }

        /** The window's name, query time and bucket size, which are the same in every zone. */
        View any() {
            return views.values().iterator().next();
        }

        /**
         * Reads partials once per distinct span (a calendar window spans different instants in different zones)
         * and keeps each name's partials from the span of its own zone.
         */
        <P> List<P> read(Function<TimeRange, List<P>> read, Function<P, String> nameOf) {
            Map<TimeRange, Set<ZoneId>> zonesBySpan = new HashMap<>();
            views.forEach((zone, v) -> zonesBySpan.computeIfAbsent(v.range(), r -> new HashSet<>()).add(zone));
            List<P> partials = new ArrayList<>();
            zonesBySpan.forEach((range, spanZones) -> read.apply(range).stream()
                    .filter(p -> spanZones.contains(zoneOf.apply(nameOf.apply(p)))).forEach(partials::add));
            return partials;
        }
    }

    /** Every queue (or one), each over its window in its own zone. */
    private void queues(Context ctx, String queue) {
        Set<ZoneId> zones = new HashSet<>(queue != null ? Set.of(config.zoneOf(queue)) : config.queueZones().values());
        if (queue == null) {
            zones.add(config.zone());
        }
        Zoned views = new Zoned(ctx, zones, config::zoneOf);
        View any = views.any();
        String by = Params.oneOf(ctx, "by", null, Dimensions.NAMES);
        String queueBuckets = any.store(ContactCenterTopology.QUEUE_BUCKETS_STORE);
        String repeatBuckets = any.store(ContactCenterTopology.REPEAT_BUCKETS_STORE);
        answerFromAll(ctx, QueuePartial.class, List.of(
                new Kind<>(queueBuckets, () -> {
                    List<QueuePartial> partials = views.read(range -> QueueQueries.contactPartials(
                            family(ContactCenterTopology.QUEUE_BUCKETS_STORE),
                            router.localStore(ContactCenterTopology.WAITING_STORE,
                                    QueryableStoreTypes.keyValueStore()), queue, by, range), QueuePartial::queue);
                    if (queue != null && partials.isEmpty() && seenQueue(queue, any.at())) {
                        partials.add(QueuePartial.known(queue));
                    }
                    return partials;
                }),
                new Kind<>(ContactCenterTopology.AGENTS_STORE,
                        () -> QueueQueries.agentPartials(router.localStore(ContactCenterTopology.AGENTS_STORE,
                                QueryableStoreTypes.keyValueStore()), queue)),
                new Kind<>(repeatBuckets, () -> views.read(range ->
                        QueueQueries.customerPartials(family(ContactCenterTopology.REPEAT_BUCKETS_STORE), queue, by,
                                range),
                        QueuePartial::queue))),
                partials -> QueueQueries.rows(known(queue, partials), config.rules(), any.window(), q -> {
                    View v = views.of(q);
                    return new QueueQueries.Span(v.range(), v.ruleTime());
                }, any.at()));
    }

    /**
     * The partials of every queue, or of one queue with an empty one added so that a quiet queue still answers its
     * row (zero counts, null figures); a 404 if the queue is unknown.
     */
    private List<QueuePartial> known(String queue, List<QueuePartial> partials) {
        if (queue == null) {
            return partials;
        }
        if (partials.isEmpty()) {
            requireDeclared(queue);
        }
        List<QueuePartial> withRow = new ArrayList<>(partials);
        withRow.add(QueuePartial.known(queue));
        return withRow;
    }

    /**
     * A queue no instance has seen (no statistics within the week kept, no contact waiting, no agent serving it) is
     * known only by a setting of its own; without one it is a 404.
     */
    private void requireDeclared(String queue) {
        if (!config.declares(queue)) {
            throw new NotFoundResponse("no queue '" + queue + "': no contact within " + weekKept() + " of 'at', no "
                    + "agent serving it now and no setting " + ContactCenterConfig.SERVICE_LEVEL + queue + " or "
                    + ContactCenterConfig.TIME_ZONE + queue);
        }
    }

    /** Whether this instance holds statistics of {@code queue} in the quarter-hour buckets kept around {@code at}. */
    private boolean seenQueue(String queue, Instant at) {
        return seen(ContactCenterTopology.QUEUE_BUCKETS_STORE, QueueSliceKeys.whole(queue), at);
    }

    /**
     * Whether this instance holds any quarter-hour bucket of {@code key} in {@code family} from the retention of those
     * buckets before {@code at} to as long after it: what makes a queue or agent known whatever the window asked.
     */
    private boolean seen(String family, String key, Instant at) {
        Duration kept = weekKept();
        ReadOnlyWindowStore<String, Object> store =
                windowStore(BucketFamily.storeName(family, BucketSize.QUARTER_HOUR));
        try (KeyValueIterator<Windowed<String>, Object> buckets =
                     store.fetch(key, key, at.minus(kept), at.plus(kept))) {
            return buckets.hasNext();
        }
    }

    private Duration weekKept() {
        return config.retention(BucketSize.QUARTER_HOUR, eventsGrace);
    }

    /** One queue's aligned intervals of the day holding 'at'; a 404 for an unknown queue, as for the queue. */
    private void intervals(Context ctx) {
        String queue = ctx.pathParam("queue");
        View day = view(ctx, WindowName.TODAY.parameterValue(), config.zoneOf(queue));
        if (!day.window().equals(WindowName.TODAY.parameterValue())) {
            throw new BadParameterException("window", "must be 'today' (the day holding 'at') for intervals");
        }
        Duration step = Duration.ofMinutes(Integer.parseInt(Params.oneOf(ctx, "size", "15", List.of("15", "30"))));
        String queueBuckets = day.store(ContactCenterTopology.QUEUE_BUCKETS_STORE);
        String repeatBuckets = day.store(ContactCenterTopology.REPEAT_BUCKETS_STORE);
        // each kind answers only if its instance knows the queue; what it knows for the day is in its intervals
        answerFromAll(ctx, QueueQueries.IntervalPartial.class, List.of(
                new Kind<>(queueBuckets, () -> seenQueue(queue, day.at())
                        ? QueueQueries.intervalPartials(windowStore(queueBuckets), queue, day.range(), step)
                        : List.of()),
                // an agent serving the queue makes it known: an empty partial says so and changes no figure
                new Kind<>(ContactCenterTopology.AGENTS_STORE,
                        () -> QueueQueries.agentPartials(router.localStore(ContactCenterTopology.AGENTS_STORE,
                                QueryableStoreTypes.keyValueStore()), queue).isEmpty() ? List.of()
                                : List.of(new QueueQueries.IntervalPartial(QueuePartial.AGENTS, day.range().from(),
                                        null, null))),
                new Kind<>(repeatBuckets,
                        () -> QueueQueries.intervalRepeatPartials(windowStore(repeatBuckets), queue, day.range(),
                                step))),
                partials -> {
                    // repeat partials come for every interval, known queue or not
                    if (partials.stream().allMatch(p -> p.source().equals(QueuePartial.CUSTOMERS))) {
                        requireDeclared(queue);
                    }
                    return QueueQueries.intervalRows(partials, config.rules(), queue, day.range(), step,
                            "interval" + step.toMinutes());
                });
    }

    /** Every IVR line over its window in its own zone. */
    private void ivr(Context ctx) {
        Set<ZoneId> zones = new HashSet<>(config.ivrZones().values());
        zones.add(config.zone());
        Zoned views = new Zoned(ctx, zones, config::ivrZoneOf);
        View any = views.any();
        String by = Params.oneOf(ctx, "by", null, Dimensions.NAMES);
        String store = any.store(ContactCenterTopology.IVR_BUCKETS_STORE);
        router.answer(ctx, store, IvrQueries.IvrPartial.class,
                () -> views.read(range -> IvrQueries.partials(family(ContactCenterTopology.IVR_BUCKETS_STORE), by,
                                range),
                        IvrQueries.IvrPartial::ivrLine),
                partials -> IvrQueries.rows(partials, any.window(), line -> views.of(line).range()));
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

    /** A bucket family's local stores by size. */
    private <S> BucketStores<S> family(String family) {
        return size -> windowStore(BucketFamily.storeName(family, size));
    }

    /**
     * Agents ranked (or one agent, with its rank among all): contact work and the CSAT of surveys about contacts they
     * handled from the contact tasks, the state now from the agent tasks, the CSAT of surveys naming them from the
     * survey tasks.
     */
    private void agents(Context ctx, String agentId) {
        View v = view(ctx, WindowName.TODAY.parameterValue(), config.zone());
        String sort = Params.oneOf(ctx, "sort", "handled", AgentRanking.SORTS);
        Function<List<AgentRanking.AgentPartial>, List<AgentRanking.AgentRow>> answer;
        if (agentId == null) {
            int limit = Params.intIn(ctx, "limit", config.topAgents(), 1, config.topAgents());
            answer = partials -> AgentRanking.rank(partials, sort, limit);
        } else {
            answer = partials -> List.of(AgentRanking.one(partials, sort, agentId).orElseThrow(
                    () -> new NotFoundResponse("no agent '" + agentId + "': no contact or survey within " + weekKept()
                            + " of 'at' and no agent event within " + ContactCenterConfig.AGENT_EXPIRY)));
        }
        Supplier<List<AgentRanking.AgentPartial>> work = () -> {
            List<AgentRanking.AgentPartial> rows = new ArrayList<>();
            BucketQueries.mergedByKeyPrefix(this.<AgentStats>family(ContactCenterTopology.AGENT_BUCKETS_STORE), "",
                    v.range()).forEach((agent, stats) ->
                    rows.add(new AgentRanking.AgentPartial(QueuePartial.CONTACTS, agent, stats, null, null)));
            BucketQueries.mergedByKeyPrefix(this.<CsatCounts>family(ContactCenterTopology.AGENT_LINKED_CSAT_STORE),
                    "", v.range()).forEach((agent, csat) ->
                    rows.add(new AgentRanking.AgentPartial(QueuePartial.CONTACTS, agent, null, null, csat)));
            if (agentId != null && (seen(ContactCenterTopology.AGENT_BUCKETS_STORE, agentId, v.at())
                    || seen(ContactCenterTopology.AGENT_LINKED_CSAT_STORE, agentId, v.at()))) {
                rows.add(AgentRanking.AgentPartial.known(QueuePartial.CONTACTS, agentId));
            }
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
            BucketQueries.mergedByKeyPrefix(this.<CsatCounts>family(ContactCenterTopology.AGENT_CSAT_STORE), "",
                    v.range()).forEach((agent, csat) ->
                    rows.add(new AgentRanking.AgentPartial(AgentRanking.SURVEYS, agent, null, null, csat)));
            if (agentId != null && seen(ContactCenterTopology.AGENT_CSAT_STORE, agentId, v.at())) {
                rows.add(AgentRanking.AgentPartial.known(AgentRanking.SURVEYS, agentId));
            }
            return rows;
        };
        answerFromAll(ctx, AgentRanking.AgentPartial.class, List.of(
                new Kind<>(v.store(ContactCenterTopology.AGENT_BUCKETS_STORE), work),
                new Kind<>(ContactCenterTopology.AGENTS_STORE, states),
                new Kind<>(v.store(ContactCenterTopology.AGENT_CSAT_STORE), satisfaction)),
                answer);
    }

    /** Partials of one kind, read from {@code store} and the stores of its sub-topology. */
    private record Kind<P>(String store, Supplier<List<P>> local) {
    }

    /**
     * Answers from partials of several kinds, whose stores Kafka Streams may place on different instances: every
     * instance hosting any of them is asked once and answers with every kind it holds, and {@code finish} turns all
     * partials into the answer.
     */
    private <P> void answerFromAll(Context ctx, Class<P> type, List<Kind<P>> kinds, Function<List<P>, ?> finish) {
        router.answer(ctx, kinds.stream().map(Kind::store).toList(), type,
                () -> kinds.stream().flatMap(k -> k.local().get().stream()).toList(), finish);
    }
}
